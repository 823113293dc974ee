"""The main window's project side: new, open and recent projects, switching between them, and
importing documents in the background with a progress dialog that can be cancelled. A mixin of
MainWindow."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.core import paths
from reader.core.errors import ProjectDamaged, ReaderError
from reader.core.ingest import twins
from reader.core.messages import describe, describe_skipped
from reader.core.store import backups
from reader.core.store.db import check_at_open, create_project, damaged, integrity_problems, open_project
from reader.core.store.project import IN_USE, Project
from reader.core.store.restore import restore
from reader.ui import i18n, ops
from reader.ui import settings as keys
from reader.ui.changes import Changes
from reader.ui.dialogs.backups import RestoreDialog
from reader.ui.dialogs.confirm import ConfirmDialog
from reader.ui.dialogs.files import ImportDialog, ImportSummary, ProjectFileDialog
from reader.ui.i18n import tr
from reader.ui.plain import menu_text

if TYPE_CHECKING:
    from reader.core.ingest.importing import ImportReport

STOP_WAIT_MS = 5000


class ProjectMixin:
    # == projects =======================================================================================
    def new_project(self) -> None:
        path = ProjectFileDialog.ask_new(self)
        if path is None or not self.leave_project(path):
            return
        try:
            project = create_project(path)
        except ReaderError as e:
            self.show_error(e)
            return
        self.switch_project(project)

    def open_project_dialog(self) -> None:
        path = ProjectFileDialog.ask_open(self)
        if path is not None:
            self.open_project_path(path)

    def open_project_path(self, path: str | Path) -> bool:
        if Path(path).resolve() == self.project.path.resolve():
            return True
        if not self.leave_project(path):
            return False
        try:
            project = open_project(path, create=False, check=check_at_open(path))
        except ReaderError as e:
            self.open_problem(e)
            return False
        self.switch_project(project)
        return True

    def open_problem(self, error: ReaderError) -> None:
        """A project could not be opened: say why. A damaged one that has backups: offer to restore."""
        if isinstance(error, ProjectDamaged) and error.backups and not self.unattended:
            if ConfirmDialog.ask(self, tr("The project is damaged"), describe(error, i18n.message_lang()),
                                 tr("Choose a backup…")):
                self.restore_project(Path(error.path))
            return
        self.show_error(error)

    def check_integrity_later(self) -> None:
        """A big project opens before SQLite's quick_check has read it (db.check_at_open): check it
        now in the background; when it is damaged, say so and offer its backups."""
        if self.closed or self.project.checked:
            return
        path = self.project.path
        self.integrity_op = self.run_op(  # the window is interactive meanwhile (the benchmark tells it apart)
            lambda project, progress, cancel: integrity_problems(path), label=tr("Checking the project…"),
            on_done=lambda problems: self._integrity_checked(path, problems), progress=False)

    def _integrity_checked(self, path: Path, problems: list[str]) -> None:
        if problems and not self.closed:
            self.open_problem(damaged(path, problems))

    def announce_read_only(self) -> None:
        """Say why the project shown is read-only (the title says so too): another window or program
        has it open (a message), or its file or folder may not be written (the status bar)."""
        if self.closed or not self.project.read_only:
            return
        error = self.project.read_only_error()
        self.status(describe(error, i18n.message_lang()), 0)
        if self.project.read_only_reason == IN_USE and not self.unattended:
            self.show_error(error)

    def leave_project(self, other: str | Path) -> bool:
        """Before another project is shown: what runs in the background on this one is stopped
        (asked first when the user started it: an import, an export, an alignment). False: stay."""
        mine = ops.running_on(self.project.path)
        started = [op for op in mine if op.cancellable]
        if started and not ConfirmDialog.ask(
            self,
            tr("Open another project"),
            tr("“{task}” is still running in {project}. Stop it and open {other}?").format(
                task=started[0].label, project=self.project.path.name, other=Path(other).name
            ),
            tr("Stop and open"),
            tr("Nothing is lost: what an import has brought in stays, and an export or an alignment that is "
               "stopped leaves the old file or rows as they were."),
        ):
            return False
        for op in mine:
            op.cancel()
        if mine:
            ops.wait_all(STOP_WAIT_MS)  # work stops between files and steps: a moment
        return True

    def switch_project(self, project: Project) -> None:
        """Show another project: the current one is closed (its place remembered)."""
        self.remember_place()
        old = self.project
        self.project = project
        old.close()
        self.undo_stack.clear()
        paths.remember_project(project.path)
        self.settings.add_recent(project.path)
        self.load_project_views()
        self.restore_place()
        self.projectChanged.emit(project)
        self.status(tr("Opened {name}.").format(name=project.path.name))
        self.announce_read_only()
        self.check_integrity_later()

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = [p for p in self.settings.recent_projects() if p.is_file()]
        for p in recent:
            action = menu.addAction(menu_text(f"{p.stem}    {p.parent}"))
            action.triggered.connect(lambda _c=False, path=p: self.open_project_path(path))
        if not recent:
            menu.addAction(tr("(none yet)")).setEnabled(False)

    # == import ========================================================================================
    def last_import_folder(self) -> Path | None:
        folder = self.settings.text(keys.IMPORT_FOLDER)
        return Path(folder) if folder else None

    def import_files(self) -> None:
        files = ImportDialog.ask_files(self, self.last_import_folder())
        if files:
            self.settings.set_text(keys.IMPORT_FOLDER, str(files[0].parent))
            self.start_import(files)

    def import_folder(self) -> None:
        """The folder dialog opens in the folder the last import came from (its parent, for a folder)."""
        last = self.last_import_folder()
        folder = ImportDialog.ask_folder(self, last)
        if folder is not None:
            self.settings.set_text(keys.IMPORT_FOLDER, str(folder.parent))
            self.start_import([folder])

    def start_import(self, sources: list[Path]):
        """Import files or folders in the background; returns the Op (None: the project is read-only)."""
        if self.project.read_only:
            self.show_error(self.project.read_only_error())
            return None
        # the readers load with the first import, not at start
        from reader.core.ingest.importing import import_paths

        self.status(tr("Importing…"))
        pages = self.scans.page_sink()  # a scan's text shows page by page while it is read
        op = self.run_op(
            lambda project, progress, cancel: import_paths(project, sources, progress, cancel, on_page=pages),
            label=tr("Importing documents"),
            on_done=self.imported,
            cancellable=True,
        )
        op.failed.connect(lambda _error: self.scans.import_done(None))
        return op

    def imported(self, report: ImportReport) -> None:
        """After an import: show the new reports (and themes, from a .qdpx/.qdc) and say what
        happened. The undo history is cleared, since the import is not part of it."""
        exchanges = [i.exchange for i in report.items if i.exchange is not None]
        if report.imported:
            self.undo_stack.clear()
            themes = any(x.themes.added for x in exchanges)
            self.apply_changes(Changes(outline=True, passages=True, themes=themes))
        self.scans.import_done(report)
        units = len(report.unit_ids)
        text = tr("{files} files imported ({units} reports); {dups} already in the project; {failed} failed.").format(
            files=len(report.imported), units=units, dups=len(report.duplicates), failed=len(report.failed)
        )
        if exchanges:
            text += " " + tr("From REFI-QDA: {added} themes added, {kept} already there; {passages} passages.").format(
                added=sum(len(x.themes.added) for x in exchanges),
                kept=sum(len(x.themes.kept) for x in exchanges),
                passages=sum(x.passages for x in exchanges),
            )
        if report.cancelled:
            text = tr("Import cancelled.") + " " + text
        self.status(text, 15000)
        skipped = [f"{x.path.name}: {describe_skipped(what, i18n.message_lang())}" for x in exchanges for what in x.skipped]
        if report.failed or skipped:
            lang = i18n.message_lang()
            details = [describe(item.error, lang) for item in report.failed if item.error is not None]
            if skipped:
                details.append(tr("Not taken from the REFI-QDA files:"))
                details.extend(skipped)
            ImportSummary.show(self, text, "\n".join(details))
        if report.unit_ids:
            new = list(report.unit_ids)
            self.run_op(lambda project, _progress, _cancel: twins.same_text(project, new),
                        label=tr("Looking for reports imported twice"), on_done=self.twins_found, progress=False)

    def twins_found(self, found: list[twins.Twin]) -> None:
        """Reports just imported that have the text of reports already there (the same report in
        another format): say so, and offer to skip the new copies."""
        if not found or self.closed:
            return
        pairs = "\n".join(f"{t.source} = {t.same_as_source}" for t in found[:12])
        more = len(found) - 12
        if more > 0:
            pairs += "\n" + tr("… and {n} more").format(n=more)
        if not ConfirmDialog.ask(
            self,
            tr("The same report twice"),
            tr("{n} of the reports just imported have the same text as reports already in the project "
               "(the same report in another format?):").format(n=len(found)) + "\n\n" + pairs,
            tr("Skip the new copies"),
            tr("Skipping removes the copies just imported; the reports that were there stay as they are. "
               "Cancel keeps both."),
        ):
            self.status(tr("Kept both copies of {n} reports.").format(n=len(found)), 15000)
            return
        try:
            n = twins.skip_copies(self.project, found)
        except ReaderError as e:
            self.show_error(e)
            return
        self.apply_changes(Changes(outline=True, passages=True))
        self.status(tr("Skipped {n} copies of reports already in the project.").format(n=n), 15000)

    # == backups ======================================================================================
    def backup_project(self) -> None:
        """File ▸ Back up: a copy into the project's backups folder, in the background."""
        self.run_op(lambda project, _progress, _cancel: backups.backup_now(project), label=tr("Backing up"),
                    on_done=self.backed_up)

    def backed_up(self, made: backups.Backup) -> None:
        self.status(tr("Backed up: {name} ({size}) in {folder}").format(
            name=made.name, size=backups.size_text(made.size), folder=made.path.parent), 15000)

    def restore_backup(self) -> None:
        """File ▸ Restore: choose a backup of the project shown, confirm, put it back, show it."""
        if self.project.read_only_reason == IN_USE:
            self.show_error(self.project.read_only_error())
            return
        self.restore_project(self.project.path)

    def restore_project(self, path: Path) -> bool:
        """Choose a backup of the project at `path` (the one shown, or one that would not open),
        confirm, put it back and show the project. Returns whether it was restored."""
        chosen = RestoreDialog.ask(self, path)
        if chosen is None or not ConfirmDialog.ask(
            self,
            tr("Restore a backup"),
            tr("Replace {name} with the backup made {date}?").format(
                name=path.name, date=chosen.created.strftime("%Y-%m-%d %H:%M")),
            tr("Restore"),
            tr("Changes made since then are replaced, but not lost: the project as it is now is backed up "
               "first, and can be restored the same way."),
        ):
            return False
        if not self.leave_project(path):
            return False
        shown = ops.same_path(path, self.project.path)
        if shown:
            self.remember_place()
            self.project.close()  # restore needs the project closed; it is opened again below
        try:
            saved = restore(path, chosen)
        except ReaderError as e:
            self.show_error(e)
            if shown:
                self._reopen(path)
            return False
        self._reopen(path)
        text = tr("Restored {name} from the backup made {date}.").format(
            name=path.name, date=chosen.created.strftime("%Y-%m-%d %H:%M"))
        if saved is not None:
            text += " " + tr("The file as it was is kept as {backup}.").format(backup=saved.name)
        self.status(text, 20000)
        return True

    def _reopen(self, path: Path) -> None:
        """Show the project at `path` again (after a restore); if it cannot be opened, the demo."""
        try:
            project = open_project(path, create=False)
        except ReaderError as e:
            self.show_error(e)
            from reader.core.ingest.demo import ensure_demo_project

            project = open_project(ensure_demo_project(), create=False)
        self.switch_project(project)
