"""Help for tagging passages: text in, spans out; the passages themselves are stored by
reader.core.store (passages, passage_edits).

- passage_bounds: a selection made with the mouse trimmed to its passage (white space and stray
  punctuation at its ends)
- suggest: suggested passages: the sentences of a section that name a theme's keywords
"""
