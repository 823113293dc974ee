"""The main window's side of coding as a team (a mixin of MainWindow):

- 编辑 ▸ 标注人…: the name passages tagged here are stored under (kept on this computer);
- 视图 ▸ 显示标注人: every coder's passages, or only chosen coders' (the highlights, the margin
  stripes, the passage list, the matrix and the export dialog's preset follow);
- 文件 ▸ 合并项目…: a teammate's copy read and planned in the background, the plan shown (themes
  renamed or moved decided there, reports only the copy has offered), then merged in the background
  after a backup; not on the undo list (like an import);
- 视图 ▸ 编码一致性: the agreement window, its measures run in the background, its settling of
  disagreements pushed as undoable commands.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from reader.core.errors import ReaderError
from reader.core.store import outline_tree, passage_scope
from reader.core.store.themes import list_themes
from reader.core.team import disagreements as dis
from reader.core.team.agreement import agreement
from reader.core.team.coders import coder_label, current_coder, list_coders, set_current_coder
from reader.ui import i18n
from reader.ui.changes import Changes
from reader.ui.commands import Command
from reader.ui.dialogs.coder import CoderDialog
from reader.ui.dialogs.files import all_files, name_filter
from reader.ui.i18n import tr
from reader.ui.plain import menu_text

ALL = "\x00all"  # the "All coders" entry of the coders menu


if TYPE_CHECKING:  # merging and the agreement window are imported when first used: not at start
    from reader.core.team.merge import MergePlan, MergeResult
    from reader.core.team.tables import TablesWritten
    from reader.ui.team.window import AgreementWindow

class MergeFileDialog:
    @classmethod
    def ask_open(cls, parent: QWidget | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, tr("Merge a project"), str(Path.home()),
            ";;".join((name_filter(tr("Copies of a project"), [".renda", ".qdpx"]), all_files())))
        return Path(name) if name else None


class AgreementFileDialog:
    @classmethod
    def ask_save(cls, parent: QWidget | None, start: Path) -> Path | None:
        name, chosen = QFileDialog.getSaveFileName(
            parent, tr("Export the agreement"), str(start),
            ";;".join((name_filter(tr("Excel workbook"), [".xlsx"]), name_filter(tr("CSV, UTF-8"), [".csv"]))))
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() in (".xlsx", ".csv") else path.with_suffix(".csv" if "csv" in chosen else ".xlsx")


class Settle(Command):
    """A settling of disagreements (or the agreements copied in): `run(project)` returns the
    Settlement that undo takes back."""

    def __init__(self, ctx, text: str, run):
        super().__init__(ctx, text)
        self.run = run
        self.done: dis.Settlement | None = None

    def _changes(self) -> Changes:
        return Changes(passages=True, units=set(self.done.units) if self.done else set())

    def first(self) -> Changes:
        self.done = self.run(self.project)
        return self._changes()

    def undo_changes(self) -> Changes:
        dis.undo_settlement(self.project, self.done)
        return self._changes()

    def redo_changes(self) -> Changes:
        return self.first()


class TeamMixin:
    coder_filter: tuple[str, ...] | None = None  # None: every coder's passages are shown
    agreement_window: AgreementWindow | None = None

    def init_team(self) -> None:
        """Called once the menus are built: the 显示标注人 submenu of View."""
        self.coders_menu = QMenu(self)
        self.coders_menu.setObjectName("menu_coders")
        self.coders_menu.aboutToShow.connect(self.fill_coders_menu)
        self.menus["view"].insertMenu(self.actions["original"], self.coders_menu)
        self.menus["view"].aboutToShow.connect(self._retitle_team)
        self.projectChanged.connect(self._team_project_changed)
        self.changesApplied.connect(self._team_changes)
        self._retitle_team()

    def _retitle_team(self) -> None:
        self.coders_menu.setTitle(tr("Show co&ders"))

    # == the current coder =============================================================================
    def coder_dialog(self) -> None:
        """编辑 ▸ 标注人…"""
        name = CoderDialog.ask(self, current_coder(), [c.name for c in list_coders(self.project) if c.name])
        if name is None:
            return
        try:
            name = set_current_coder(name)
        except ReaderError as e:
            self.show_error(e)
            return
        self.status(tr("Passages you tag are stored under {name}.").format(name=name))

    # == whose passages are shown ======================================================================
    def fill_coders_menu(self) -> None:
        menu = self.coders_menu
        menu.clear()
        group = QActionGroup(menu)
        group.setExclusive(False)
        everyone = QAction(tr("&All coders"), menu, checkable=True, objectName="action_coders_all")
        everyone.setChecked(self.coder_filter is None)
        everyone.triggered.connect(lambda _c=False: self.set_coder_filter(None))
        menu.addAction(everyone)
        menu.addSeparator()
        lang = i18n.message_lang()
        for c in list_coders(self.project):
            label = f"{menu_text(coder_label(c.name, lang))}  ({c.passages})"
            action = QAction(label, menu, checkable=True)
            action.setChecked(self.coder_filter is None or c.name in self.coder_filter)
            action.triggered.connect(lambda checked, name=c.name: self.toggle_coder(name, checked))
            group.addAction(action)
            menu.addAction(action)

    def toggle_coder(self, name: str, shown: bool) -> None:
        everyone = [c.name for c in list_coders(self.project)]
        current = set(everyone if self.coder_filter is None else self.coder_filter)
        current = current | {name} if shown else current - {name}
        self.set_coder_filter(None if current >= set(everyone) else tuple(n for n in everyone if n in current))

    def set_coder_filter(self, coders: tuple[str, ...] | None) -> None:
        """Show every coder's passages (None) or only `coders`': highlights, stripes, the passage
        list and the matrix follow; so does the export dialog's preset."""
        self.coder_filter = None if coders is None else tuple(coders)
        if self.shown.unit_id is not None:
            self.text_pane.set_passages(self.unit_highlights(self.shown.unit_id))
        self.refresh_passage_list()
        self.matrix_stale = True
        if self.matrix_dock.isVisible():
            self.matrix_timer.start()
        lang = i18n.message_lang()
        if coders is None:
            self.status(tr("Showing every coder's passages."))
        else:
            names = "、".join(coder_label(c, lang) for c in coders) or tr("nobody")
            self.status(tr("Showing the passages of {names} only.").format(names=names), 0)

    def unit_highlights(self, unit_id: int) -> list[tuple[int, int, int, list[int]]]:
        """The passages of a report the pane highlights (of the coders shown), telling the pane whose
        each one is."""
        self.text_pane.passage_coders = passage_scope.passage_coders(self.project, unit_id)
        return passage_scope.unit_passages(self.project, unit_id, self.coder_filter)

    def coder_scope(self, scope, label: str):
        """The passage list's scope and its label, narrowed to the coders shown."""
        if self.coder_filter is None:
            return scope, label
        from dataclasses import replace

        names = "、".join(coder_label(c, i18n.message_lang()) for c in self.coder_filter) or tr("nobody")
        return replace(scope, coders=self.coder_filter), tr("{scope} · coders: {names}").format(scope=label, names=names)

    def _team_project_changed(self, _project) -> None:
        self.coder_filter = None
        if self.agreement_window is not None:
            self.agreement_window.close()
            self.agreement_window.deleteLater()
            self.agreement_window = None

    def _team_changes(self, ch: Changes) -> None:
        w = self.agreement_window
        if w is not None and ch.passages and w.isVisible():
            w.set_decisions(dis.decisions(self.project))
            w.describe()

    # == merging a teammate's copy ======================================================================
    def merge_project_dialog(self) -> None:
        """文件 ▸ 合并项目…"""
        if self.project.read_only:
            self.show_error(self.project.read_only_error())
            return
        path = MergeFileDialog.ask_open(self)
        if path is not None:
            self.start_merge(path)

    def start_merge(self, path: Path, mapping: dict[str, str | None] | None = None):
        """Read and plan the merge in the background, then ask (merge_planned)."""
        from reader.core.team.merge import plan_merge
        self.status(tr("Reading {name}…").format(name=path.name))
        return self.run_op(lambda project, _progress, _cancel: plan_merge(project, path, mapping),
                           label=tr("Reading {name}").format(name=path.name), on_done=self.merge_planned)

    def merge_planned(self, plan: MergePlan) -> None:
        from reader.core.team.merge import apply_merge, plan_merge
        from reader.ui.dialogs.merge import MergeDialog
        if not (plan.passages or plan.new_themes or plan.offered or plan.conflicts):
            self.status(tr("Nothing to merge: everything in {name} is in this project already ({n} passages).").format(
                name=plan.path.name, n=plan.already), 15000)
            return
        answer = MergeDialog.ask(self, plan, [t.path for t in list_themes(self.project)])
        if answer is None:
            return
        incoming = plan.incoming
        documents = answer.documents

        def work(project, progress, _cancel):
            final = plan_merge(project, incoming, answer.mapping)
            if final.conflicts:  # a choice that made its subthemes look renamed: ask again
                return final
            return apply_merge(project, final, documents, progress=progress)

        self.run_op(work, label=tr("Merging {name}").format(name=plan.path.name), on_done=self.merged)

    def merged(self, result: MergeResult | MergePlan) -> None:
        from reader.core.team.merge import MergePlan
        if isinstance(result, MergePlan):
            self.merge_planned(result)
            return
        self.undo_stack.clear()  # like an import, a merge is not on the undo list: its backup takes it back
        self.apply_changes(Changes(outline=bool(result.units), passages=True, themes=bool(result.themes_added),
                                   units=set(result.touched)))
        lang = i18n.message_lang()
        coders = "、".join(f"{coder_label(c, lang)} {n}" for c, n in sorted(result.by_coder.items()))
        text = tr("Merged {name}: {passages} passage(s) added ({coders}), {already} already here; {themes} theme(s) "
                  "and {reports} report(s) added. Backed up first: {backup}").format(
            name=result.path.name, passages=result.passages, coders=coders or "—", already=result.already,
            themes=len(result.themes_added), reports=len(result.units),
            backup=result.backup.name if result.backup else "—")
        self.status(text, 0)

    # == agreement =====================================================================================
    def show_agreement(self) -> AgreementWindow:
        """视图 ▸ 编码一致性"""
        from reader.ui.team.window import AgreementWindow
        w = self.agreement_window
        if w is None:
            w = self.agreement_window = AgreementWindow(self)
            w.text_of = self.unit_text
            w.colour_of = lambda tid: self.looks[tid].colour if tid in self.looks else "#f59e0b"
            w.measureRequested.connect(self.agreement_measure)
            w.exportRequested.connect(self.agreement_export)
            w.settleRequested.connect(self.agreement_settle)
            w.agreementsRequested.connect(self.agreement_accept_agreements)
            w.openRequested.connect(lambda unit, start, end: self.open_location(unit, start, end))
        coders = [c for c in list_coders(self.project) if c.name != dis.DEFAULT_SETTLED]
        chosen = w.chosen_coders() or [c.name for c in coders[:2]]
        w.set_coders(list_coders(self.project), chosen)
        if len(coders) < 2:
            w.status(tr("Agreement needs passages of two coders: merge a teammate's copy first "
                        "(File ▸ Merge a project…)."), 0)
        w.show()
        w.raise_()
        w.activateWindow()
        return w

    def agreement_measure(self) -> None:
        w = self.agreement_window
        coders, overlap = w.chosen_coders(), w.min_overlap()
        w.set_busy()

        def work(project, _progress, _cancel):
            result = agreement(project, coders, min_overlap=overlap)
            reviews = {(a, b): dis.review(project, a, b, min_overlap=overlap)
                       for a, b in combinations(result.coders, 2)}
            labels = {u: _unit_label(project, u) for u in result.units}
            return result, reviews, labels

        def failed(error: BaseException) -> None:
            w.set_result(None, {}, {})
            self.show_error(error)

        self.run_op(work, label=tr("Measuring agreement"), on_done=lambda r: w.set_result(*r), on_error=failed,
                    progress=False)

    def agreement_export(self) -> None:
        from reader.core.team.tables import write_tables
        w = self.agreement_window
        if w.result is None:
            return
        start = Path(self.settings.text("export/folder") or Path.home()) / tr("{project}-agreement.xlsx").format(
            project=self.project.path.stem)
        path = AgreementFileDialog.ask_save(w, start)
        if path is None:
            return
        result, reviews, lang = w.result, list(w.reviews.values()), i18n.message_lang()
        w.run_export = self.run_op(
            lambda project, _p, _c: write_tables(project, result, reviews, path, force=True, lang=lang),
            label=tr("Exporting"), on_done=lambda written: self._agreement_exported(written))

    def _agreement_exported(self, written: TablesWritten) -> None:
        text = tr("Wrote {files}.").format(files="、".join(p.name for p in written.paths))
        self.status(text, 15000)
        if self.agreement_window is not None:
            self.agreement_window.status(text, 15000)

    def agreement_settle(self, cluster: dis.Cluster, choice: str) -> None:
        w = self.agreement_window
        coder = w.settled_coder()
        if self.push(Settle(self, tr("Settle a disagreement"), lambda p: dis.settle(p, cluster, choice, coder))):
            w.set_decisions(dis.decisions(self.project))
            w.select_next()
            w.describe()

    def agreement_accept_agreements(self) -> None:
        w = self.agreement_window
        review, coder = w.current_review(), w.settled_coder()
        if review is None:
            return
        command = Settle(self, tr("Accept where they agree"), lambda p: dis.accept_agreements(p, review.agreements, coder))
        if self.push(command):
            w.status(tr("{n} agreed passage(s) copied into {coder}.").format(n=len(command.done.added), coder=coder))


def _unit_label(project, unit_id: int) -> str:
    row = outline_tree.unit_row(project, unit_id)
    county = row.path[2] if len(row.path) > 2 and row.path[2] else ""
    return " ".join(x for x in (county, str(row.year) if row.year else "", row.title or row.source) if x)
