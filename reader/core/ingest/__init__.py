"""Reports into a project, and kept right once there: files in, documents, units and sections stored.

- importing: import_paths(project, paths): files and folders -> read (reader.core.readers) ->
  cleaned (reader.core.clean) -> units found (reader.core.structure) -> one transaction a
  document (reader.core.store), in worker processes for big batches; .qdpx/.qdc through
  reader.core.export.refi. Returns an ImportReport: each file imported, present or refused.
- preparing: prepare(path, data, sha): a file read, cleaned and cut into units, no project (what the
  import's worker processes run: they load neither the store nor python-docx until needed)
- reclean: every document cleaned again with the current pipeline, each passage found again
  (anchor: by its quote and context) or kept unplaced for the user
- twins: the same report imported twice in two formats
- unit_edits: corrections to a report (county, year, title), deleting one and putting it back
- ocr_check: a scanned text checked against its page, and a line's correction (cleaned again)
- demo: the demo project, built from the bundled samples on first use
"""
