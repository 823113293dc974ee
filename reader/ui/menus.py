"""The menus and their actions, as data: MainWindow._build_menus builds them (in this order) and
retranslate_ui names them. To add an entry here: (name, menu, English text marked with
QT_TR_NOOP, shortcut, name of the MainWindow method to call, or of a part's: "compare.show"); a
leading "-" on the name puts a separator before it. Code outside the window adds entries with MainWindow.add_action instead.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtGui import QKeySequence

from reader.ui.shortcuts import REDO_KEYS, UNDO_KEYS

APP_TITLE = QT_TR_NOOP("Renda Reader")

MENUS = (
    ("file", QT_TR_NOOP("&File")),
    ("edit", QT_TR_NOOP("&Edit")),
    ("view", QT_TR_NOOP("&View")),
    ("tag", QT_TR_NOOP("&Tag")),
    ("help", QT_TR_NOOP("&Help")),
)

# (name, menu, text, keys, MainWindow method or part.method); "-" before the name: a separator first. keys: a
# string, a StandardKey or a tuple of them (reader.ui.shortcuts.sequences).
# recent and language are submenus, undo and redo the undo stack's actions.
ACTIONS: tuple[tuple[str, str, str, object, str], ...] = (
    ("new_project", "file", QT_TR_NOOP("&New project…"), QKeySequence.StandardKey.New, "new_project"),
    ("open_project", "file", QT_TR_NOOP("&Open project…"), QKeySequence.StandardKey.Open, "open_project_dialog"),
    ("-recent", "file", "", None, ""),
    ("-import_files", "file", QT_TR_NOOP("&Import documents…"), "Ctrl+I", "import_files"),
    ("import_folder", "file", QT_TR_NOOP("Import a &folder…"), "Ctrl+Shift+I", "import_folder"),
    ("import_codebook", "file", QT_TR_NOOP("Import a code&book…"), "", "exchange.import_codebook_dialog"),
    ("merge_project", "file", QT_TR_NOOP("&Merge a project…"), "", "team.merge_project_dialog"),
    ("-export", "file", QT_TR_NOOP("&Export…"), "Ctrl+E", "exchange.export_dialog"),
    ("export_codebook", "file", QT_TR_NOOP("Export the &codebook…"), "", "exchange.export_codebook_dialog"),
    ("-backup", "file", QT_TR_NOOP("Back &up…"), "", "backup_project"),
    ("restore", "file", QT_TR_NOOP("&Restore…"), "", "restore_backup"),
    ("-quit", "file", QT_TR_NOOP("&Quit"), QKeySequence.StandardKey.Quit, "close"),
    ("undo", "edit", "", UNDO_KEYS, ""),
    ("redo", "edit", "", REDO_KEYS, ""),
    ("-copy", "edit", QT_TR_NOOP("&Copy"), QKeySequence.StandardKey.Copy, "copy_text"),
    ("-find", "edit", QT_TR_NOOP("&Find in text…"), QKeySequence.StandardKey.Find, "open_find"),
    ("search", "edit", QT_TR_NOOP("&Search the project…"), "Ctrl+Shift+F", "focus_search"),
    ("-coder", "edit", QT_TR_NOOP("Co&der…"), "", "coder_dialog"),
    ("matrix", "view", QT_TR_NOOP("Theme &matrix"), "Ctrl+M", "show_matrix"),
    ("compare", "view", QT_TR_NOOP("&Comparison view"), "Ctrl+Shift+C", "compare.show"),
    ("agreement", "view", QT_TR_NOOP("Coder &agreement"), "", "team.show_agreement"),
    ("original", "view", QT_TR_NOOP("Show &original text"), "Ctrl+Shift+O", "toggle_original"),
    ("-font_bigger", "view", QT_TR_NOOP("Lar&ger text"), QKeySequence.StandardKey.ZoomIn, "font_bigger"),
    ("font_smaller", "view", QT_TR_NOOP("&Smaller text"), QKeySequence.StandardKey.ZoomOut, "font_smaller"),
    ("font_reset", "view", QT_TR_NOOP("&Normal size"), "Ctrl+0", "font_reset"),
    ("-language", "view", "", None, ""),
    ("tag_selection", "tag", QT_TR_NOOP("Tag selection &as…"), "Ctrl+T", "tag_selection_dialog"),
    ("-tag_pattern", "tag", QT_TR_NOOP("Tag sections by &heading…"), "Ctrl+Shift+T", "pattern_tag"),
    ("-new_theme", "tag", QT_TR_NOOP("&New theme…"), "", "add_theme_dialog"),
    ("guide", "help", QT_TR_NOOP("&User guide"), QKeySequence.StandardKey.HelpContents, "help.show_guide"),
    ("welcome", "help", QT_TR_NOOP("&Welcome"), "", "help.show_welcome"),
    ("-about", "help", QT_TR_NOOP("&About Renda Reader"), "", "help.show_about"),
)
