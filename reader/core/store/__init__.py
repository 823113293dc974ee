"""The project store: one SQLite file per project (sqlite-utils), its schema by migrations. Calls
from every stage above go in; rows (as dataclasses) and records of what changed come out.

The ground floor of everything that works on a project: it imports nothing of reader.core but
itself and the ground-floor modules (errors, model, offsets, paths...). Inside, from the bottom:

- project: Project, the open project every function takes; owner: one writer per project
- migrations: the schema; backups: copies made, listed, pruned
- fulltext: the search index, kept in step by the writers (reader.core.search asks it)
- themes, codebook (the default codebook), documents (documents, units, sections, unit text),
  counties (a project's places and what a user means by a county), coders, passages, settings
- db: opening and creating a project (checks, migrations, backups, the index, the codebook)
- restore: a backup put back; sanity: a project's rows checked when something went wrong
- outline_tree, passage_scope, passage_edits, theme_edits, theme_history, snapshots, unplaced,
  ocr_pages: what the window and the commands read and change

Tables of later stages keep their SQL with the stage: the stored alignment in
reader.core.compare.stored.
"""
