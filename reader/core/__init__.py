"""Everything of Renda Reader that is not Qt: the pipeline from a file to an export.

    file ─ readers ─> text ─ clean ─> cleaned text ─ structure ─> units, places, sections
         ─ store (one SQLite project) ─> search, align/compare, analysis, tagging, export, team

One package a stage (each __init__ says what goes in and what comes out):

- readers/    a file (txt, md, docx, html, pdf, pictures) -> RawDocument; OCR for scans (ocr/)
- clean/      RawDocument -> cleaned text with the offset map to the original
- structure/  cleaned text -> units (reports) with front matter, place, year, sections
- store/      the project file: documents, units, sections, themes, passages, coders, the search
              index, backups; the ground floor of everything that works on a project
- ingest/     files -> a project (readers, clean, structure, store), and the reports kept right
              after: cleaning again, twins, corrections, a scanned line's correction, the demo
- search      a word or phrase -> every occurrence in the project (search.py)
- tagging/    help for tagging: a selection trimmed to its passage, suggested passages
- align/      the alignment engine: reports' sections -> rows of sections about the same work
- compare/    the engine on a project: stored rows, corrections, shared phrases, reused text
- analysis/   the theme matrix and the diffusion of a phrase or theme over counties and years
- export/     passages and the codebook -> CSV, XLSX, DOCX, Markdown, HTML, JSON, REFI-QDA
- team/       several coders: merging copies, agreement, disagreements

The ground floor, used by every stage and using none: errors (typed errors with fields),
messages (their words, Chinese and English), model (the plain data passed between stages),
offsets (cleaned <-> original), chars (character classes), paths (folders and the state file),
progress (progress and cancel), visible (text safe to show), archive (the checks on the zip files
read: .docx, .qdpx, .qdc). Imports go one way, from a stage to
the stages it is built on (tests/core/test_layout.py checks there is no circle, and that the
store imports nothing but itself and the ground floor); clean uses structure's heading markers
and front matter to tell a heading from a line broken by OCR, so structure sits below clean.
"""
