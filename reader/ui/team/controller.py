"""The main window's side of coding as a team (TeamController, owned by the main window as
window.team; whose passages are shown and who tags here: reader.ui.team.coders):

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

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core.store import outline_tree
from reader.core.store.coders import coder_label, list_coders
from reader.core.store.themes import list_themes
from reader.core.team import disagreements as dis
from reader.core.team.agreement import agreement
from reader.ui import i18n
from reader.ui.changes import Changes
from reader.ui.commands import Command
from reader.ui.dialogs.files import all_files, name_filter
from reader.ui.i18n import tr

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


class TeamController(QObject):
    """文件 ▸ 合并项目… and 视图 ▸ 编码一致性, owned by the main window (window.team). Of the window it
    uses the public API (project, settings, run_op, push, status, show_error, undo_stack,
    apply_changes, open_location, changesApplied, projectChanged) and what reading shares (looks,
    unit_text)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.agreement_window: AgreementWindow | None = None
        window.projectChanged.connect(self._project_changed)
        window.changesApplied.connect(self._changes)

    def _project_changed(self, _project) -> None:
        if self.agreement_window is not None:
            self.agreement_window.close()
            self.agreement_window.deleteLater()
            self.agreement_window = None

    def _changes(self, ch: Changes) -> None:
        w = self.agreement_window
        if w is not None and ch.passages and w.isVisible():
            w.set_decisions(dis.decisions(self.window.project))
            w.describe()

    # == merging a teammate's copy ======================================================================
    def merge_project_dialog(self) -> None:
        """文件 ▸ 合并项目…"""
        if self.window.project.read_only:
            self.window.show_error(self.window.project.read_only_error())
            return
        path = MergeFileDialog.ask_open(self.window)
        if path is not None:
            self.start_merge(path)

    def start_merge(self, path: Path, mapping: dict[str, str | None] | None = None):
        """Read and plan the merge in the background, then ask (merge_planned)."""
        from reader.core.team.merge import plan_merge
        self.window.status(tr("Reading {name}…").format(name=path.name))
        return self.window.run_op(lambda project, _progress, _cancel: plan_merge(project, path, mapping),
                           label=tr("Reading {name}").format(name=path.name), on_done=self.merge_planned)

    def merge_planned(self, plan: MergePlan) -> None:
        from reader.core.team.merge import apply_merge, plan_merge
        from reader.ui.dialogs.merge import MergeDialog
        if not (plan.passages or plan.new_themes or plan.offered or plan.conflicts):
            self.window.status(tr("Nothing to merge: everything in {name} is in this project already ({n} passages).").format(
                name=plan.path.name, n=plan.already), 15000)
            return
        answer = MergeDialog.ask(self.window, plan, [t.path for t in list_themes(self.window.project)])
        if answer is None:
            return
        incoming = plan.incoming
        documents = answer.documents

        def work(project, progress, _cancel):
            final = plan_merge(project, incoming, answer.mapping)
            if final.conflicts:  # a choice that made its subthemes look renamed: ask again
                return final
            return apply_merge(project, final, documents, progress=progress)

        self.window.run_op(work, label=tr("Merging {name}").format(name=plan.path.name), on_done=self.merged)

    def merged(self, result: MergeResult | MergePlan) -> None:
        from reader.core.team.merge import MergePlan
        if isinstance(result, MergePlan):
            self.merge_planned(result)
            return
        self.window.undo_stack.clear()  # like an import, a merge is not on the undo list: its backup takes it back
        self.window.apply_changes(Changes(outline=bool(result.units), passages=True, themes=bool(result.themes_added),
                                   units=set(result.touched)))
        lang = i18n.message_lang()
        coders = "、".join(f"{coder_label(c, lang)} {n}" for c, n in sorted(result.by_coder.items()))
        text = tr("Merged {name}: {passages} passage(s) added ({coders}), {already} already here; {themes} theme(s) "
                  "and {reports} report(s) added. Backed up first: {backup}").format(
            name=result.path.name, passages=result.passages, coders=coders or "—", already=result.already,
            themes=len(result.themes_added), reports=len(result.units),
            backup=result.backup.name if result.backup else "—")
        self.window.status(text, 0)

    # == agreement =====================================================================================
    def show_agreement(self) -> AgreementWindow:
        """视图 ▸ 编码一致性"""
        from reader.ui.team.window import AgreementWindow
        w = self.agreement_window
        if w is None:
            w = self.agreement_window = AgreementWindow(self.window)
            w.text_of = self.window.unit_text
            w.colour_of = lambda tid: self.window.looks[tid].colour if tid in self.window.looks else "#f59e0b"
            w.measureRequested.connect(self.agreement_measure)
            w.exportRequested.connect(self.agreement_export)
            w.settleRequested.connect(self.agreement_settle)
            w.agreementsRequested.connect(self.agreement_accept_agreements)
            w.openRequested.connect(lambda unit, start, end: self.window.open_location(unit, start, end))
        coders = [c for c in list_coders(self.window.project) if c.name != dis.DEFAULT_SETTLED]
        chosen = w.chosen_coders() or [c.name for c in coders[:2]]
        w.set_coders(list_coders(self.window.project), chosen)
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
            self.window.show_error(error)

        self.window.run_op(work, label=tr("Measuring agreement"), on_done=lambda r: w.set_result(*r), on_error=failed,
                    progress=False)

    def agreement_export(self) -> None:
        from reader.core.team.tables import write_tables
        w = self.agreement_window
        if w.result is None:
            return
        start = Path(self.window.settings.text("export/folder") or Path.home()) / tr("{project}-agreement.xlsx").format(
            project=self.window.project.path.stem)
        path = AgreementFileDialog.ask_save(w, start)
        if path is None:
            return
        result, reviews, lang = w.result, list(w.reviews.values()), i18n.message_lang()
        w.run_export = self.window.run_op(
            lambda project, _p, _c: write_tables(project, result, reviews, path, force=True, lang=lang),
            label=tr("Exporting"), on_done=lambda written: self._agreement_exported(written))

    def _agreement_exported(self, written: TablesWritten) -> None:
        text = tr("Wrote {files}.").format(files="、".join(p.name for p in written.paths))
        self.window.status(text, 15000)
        if self.agreement_window is not None:
            self.agreement_window.status(text, 15000)

    def agreement_settle(self, cluster: dis.Cluster, choice: str) -> None:
        w = self.agreement_window
        coder = w.settled_coder()
        if self.window.push(Settle(self.window, tr("Settle a disagreement"), lambda p: dis.settle(p, cluster, choice, coder))):
            w.set_decisions(dis.decisions(self.window.project))
            w.select_next()
            w.describe()

    def agreement_accept_agreements(self) -> None:
        w = self.agreement_window
        review, coder = w.current_review(), w.settled_coder()
        if review is None:
            return
        command = Settle(self.window, tr("Accept where they agree"), lambda p: dis.accept_agreements(p, review.agreements, coder))
        if self.window.push(command):
            w.status(tr("{n} agreed passage(s) copied into {coder}.").format(n=len(command.done.added), coder=coder))


def _unit_label(project, unit_id: int) -> str:
    row = outline_tree.unit_row(project, unit_id)
    county = row.path[2] if len(row.path) > 2 and row.path[2] else ""
    return " ".join(x for x in (county, str(row.year) if row.year else "", row.title or row.source) if x)
