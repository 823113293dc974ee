"""Cleaning a document's text: RawDocument in, Cleaned out (pipeline.clean): the text users read and
tag, the original kept, and the offset map from every cleaned character to its place in the
original (reader.core.offsets).

The steps are small and named, run in order, each recorded on the document when it changed
something (pipeline.STEPS): line tidying (lines), web and page furniture (furniture), pinyin glosses
(pinyin), traditional script (script, OpenCC), punctuation (punct), lines broken by OCR or columns
(ocr). textmap keeps the character origins while they work.
"""
