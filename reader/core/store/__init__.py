"""The project store: one SQLite file per project (sqlite-utils), schema by migrations.

Modules: db (open/create, Project), migrations (schema), documents (documents, units, sections,
outline, unit text), themes (the codebook tree), passages (tagging), settings.
"""

from reader.core.store.db import Project, create_project, open_project

__all__ = ["Project", "create_project", "open_project"]
