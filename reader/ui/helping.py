"""The Help menu (HelpController, owned by the main window as window.help): 帮助 ▸ 欢迎, 帮助 ▸ 使用说明
and 帮助 ▸ 关于.

The welcome opens by itself at the first start (app.run_gui calls welcome_at_start) with "don't
show this at start again" ticked, so it does not come back at every start; the user may untick it,
and 帮助 ▸ 欢迎 opens it any time. The screenshot mode and the tests never call it. menu_path(name) gives an
action's place in the menus as the user reads it ("文件 ▸ 导入文档…"), which the welcome quotes.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

import reader
from reader.ui import i18n
from reader.ui.dialogs.guide import GuideDialog
from reader.ui.dialogs.welcome import WelcomeDialog
from reader.ui.i18n import tr

MENU_SEP = " ▸ "
_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")


def plain(text: str) -> str:
    """A menu text as shown: no mnemonic marker (&I or (&I)); the ellipsis kept."""
    return _MNEMONIC.sub("", text).strip()


class HelpController(QObject):
    """The Help menu's dialogs. Of the main window it uses its menus and actions (to name them), its
    settings (the welcome shown once) and `closed`."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.guide_dialog: GuideDialog | None = None

    def menu_path(self, name: str) -> str:
        """'File ▸ Import documents…' for the action `name`, in the current language ('' if none)."""
        action = self.window.actions.get(name)
        if action is None:
            return ""
        for menu in self.window.menus.values():
            if action in menu.actions():
                return MENU_SEP.join((plain(menu.title()), plain(action.text())))
        return plain(action.text())

    def welcome_paths(self) -> dict[str, str]:
        names = ("new_project", "import_files", "tag_selection", "compare", "export", "guide", "welcome")
        return {n: self.menu_path(n) for n in names}

    def show_welcome(self, *, at_start: bool = False) -> None:
        """帮助 ▸ 欢迎: the welcome; the button pressed in it does its menu action. At start it offers
        not to come back (ticked), so that it is shown once unless the user wants it again."""
        window = self.window
        show_again = window.settings.show_welcome() and not at_start
        choice, show_again = WelcomeDialog.ask(window, self.welcome_paths(), show_again)
        window.settings.set_show_welcome(show_again)
        window.settings.sync()
        window.activateWindow()  # keyboard focus back to the window, even without a window manager
        if choice is not None and choice in window.actions:
            window.actions[choice].trigger()

    def welcome_at_start(self) -> bool:
        """At start: the welcome, unless the user said not to show it again. Returns whether shown."""
        if self.window.closed or not self.window.settings.show_welcome():
            return False
        self.show_welcome(at_start=True)
        return True

    def show_guide(self) -> None:
        """帮助 ▸ 使用说明: the guide shipped with the program, in the interface language."""
        self.guide_dialog = GuideDialog.present(self.window, i18n.current(), self.guide_dialog)

    def show_about(self) -> None:
        """帮助 ▸ 关于."""
        QMessageBox.about(
            self.window,
            tr("About Renda Reader"),
            tr("Renda Reader {version}\nRead, tag and compare the work reports of county people's congresses.").format(
                version=reader.__version__
            ),
        )
