"""Qt item models over the project: outline, themes, passages, search hits, matrix, suggestions."""

from PySide6.QtCore import QModelIndex

NO_INDEX = QModelIndex()  # the default `parent` argument of the models' methods (never modified)
