"""The main window's reading side: what the pane shows and why (outline selection, breadcrumb,
search hits, matrix cells, passages), the passages list of the current selection, suggestions,
project search, the theme matrix, font size and the original text. A mixin of MainWindow."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from reader.core.analysis.matrix import cell_scope, theme_matrix
from reader.core.errors import NotFound
from reader.core.ingest import unit_edits as units
from reader.core.search import HitList, search
from reader.core.store import outline_tree, passage_scope
from reader.core.store.documents import unit_text
from reader.core.store.passage_scope import Scope
from reader.core.store.themes import theme_counts, theme_tree
from reader.core.tagging.suggest import ThemeKeywords, suggest
from reader.ui import settings as keys
from reader.ui.changes import Changes
from reader.ui.i18n import tr, unknown_county
from reader.ui.models.outline import PLACE, SECTION, UNIT, Node
from reader.ui.models.suggestions import SuggestionRow
from reader.ui.textpane import PaneContent, ThemeLook

SEARCH_LIMIT = 500
TEXT_CACHE = 32



@dataclass
class Shown:
    """What the pane shows: a report or a section of it; or a place (no text)."""

    unit_id: int | None = None
    section_id: int | None = None
    place: tuple = ()


class ReadingMixin:
    def init_reading(self) -> None:
        self.shown = Shown()
        self.text_cache: dict[int, str] = {}
        self.sections_cache: dict[int, list[outline_tree.SectionRow]] = {}
        self.looks: dict[int, ThemeLook] = {}
        self.matrix_stale = True

    # == loading a project ===========================================================================
    def load_project_views(self) -> None:
        """Fill every panel from self.project (at start and after switching projects)."""
        self.text_cache.clear()
        self.sections_cache.clear()
        self.shown = Shown()
        model, text = self.outline_model, self.outline_panel.filter_box.text()
        if model.project is not self.project or model.flt != text.strip():  # (at start it has just read it)
            model.project = self.project
            model.set_filter(text)
        self.reload_themes()
        self.text_pane.clear_content(tr("Choose a report or a section in the outline on the left."))
        self.passage_strip.close_strip()
        self.search_panel.model.set_hits([])
        self.matrix_stale = True
        self._expand_start()
        self.refresh_breadcrumb()
        self.passage_list.set_records([], "", one_report=False)  # restore_place lists what it shows (not
        self.update_counts()  # the whole project's passages first: 50,000 of them took 0.7 s at start)
        self._update_title()

    def _expand_start(self) -> None:
        """Show the places at once: provinces, and prefectures too for a small project."""
        view, model = self.outline_view, self.outline_model
        tops = [n for n in model.root.children if n.kind == PLACE]
        counties = outline_tree.totals(self.project)[0]
        for n in tops:
            model.ensure_fetched(n)
            view.expand(model.index_of(n))
            if counties <= 60:
                for c in list(n.children):
                    if c.kind == PLACE and len(c.key) == 2:
                        view.expand(model.index_of(c))

    def restore_place(self) -> bool:
        """Open the report and section shown last in this project; else the first report."""
        place = self.settings.last_place(self.project.path)
        if place is not None and self.outline_model.find_unit(place[0]).isValid():
            self.open_location(place[0], section_id=place[1])
            return True
        if self.select_first_unit():
            return True
        self.refresh_passage_list()  # nothing to show: the project's passages (none, or unplaced reports')
        return False

    def select_first_unit(self) -> bool:
        node = self.outline_model.first_unit()
        if node is None:
            return False
        sections = [c for c in node.children if c.kind == SECTION]
        self.open_location(node.key, section_id=sections[0].key if sections else None)
        return True

    def remember_place(self) -> None:
        if self.shown.unit_id is not None:
            self.settings.set_last_place(self.project.path, self.shown.unit_id, self.shown.section_id)

    # == showing ====================================================================================
    def open_node(self, node: Node) -> None:
        if node.kind == PLACE:
            self.show_place(node)
        elif node.kind in (UNIT, SECTION):
            self.show_unit(node.unit_id, node.section_id)

    def unit_text(self, unit_id: int) -> str:
        text = self.text_cache.get(unit_id)
        if text is None:
            text = unit_text(self.project, unit_id)
            if len(self.text_cache) >= TEXT_CACHE:
                self.text_cache.pop(next(iter(self.text_cache)))
            self.text_cache[unit_id] = text
        return text

    def section_rows(self, unit_id: int) -> list[outline_tree.SectionRow]:
        return outline_tree.section_tree(self.project, unit_id)

    def show_place(self, node: Node) -> None:
        self.shown = Shown(place=node.key)
        self.passage_strip.close_strip()
        lines = [self.outline_model.display_name(node), ""]
        lines.append(self.outline_model.tooltip(node))
        lines.append("")
        lines.append(tr("Open a county, then a report or one of its sections, to read it."))
        self.text_pane.clear_content("\n".join(lines))
        self.suggestion_list.set_rows([])
        self.refresh_breadcrumb()
        self.refresh_passage_list()

    def show_unit(self, unit_id: int, section_id: int | None = None, *, keep_scroll: bool = False) -> None:
        text = self.unit_text(unit_id)
        rows = self.section_rows(unit_id)
        section = next((s for top in rows for s in top.walk() if s.id == section_id), None)
        start, end = (section.start, section.end) if section else (0, len(text))
        self.shown = Shown(unit_id, section.id if section else None)
        if self.actions["original"].isChecked():
            content = PaneContent(unit_id, start, units.original_of(self.project, unit_id, start, end), original=True)
        else:
            content = PaneContent(
                unit_id,
                start,
                text[start:end],
                headings=[(s.start, s.heading_end, s.level) for top in rows for s in top.walk()],
                passages=self.unit_highlights(unit_id),
                damaged=units.damaged_spans(self.project, unit_id),
            )
        self.text_pane.show_content(content, keep_scroll=keep_scroll)
        self.passage_strip.close_strip()
        self.refresh_breadcrumb()
        self.refresh_passage_list()
        self.refresh_suggestions()
        self.remember_place()

    def open_location(self, unit_id: int, start: int | None = None, end: int | None = None,
                      section_id: int | None = None) -> None:
        """Show a report (the top-level section holding `start`, or `section_id`) with unit text
        [start, end) selected and highlighted; select it in the outline."""
        if section_id is None and start is not None:
            rows = self.section_rows(unit_id)
            top = next((s for s in rows if s.start <= start < s.end), None)
            section_id = top.id if top else None
        self.outline_panel.select_unit(unit_id, section_id, emit=False)
        self.show_unit(unit_id, section_id)
        if start is not None and end is not None and not self.text_pane.content.original:
            self.text_pane.select_span(start, end)
            self.text_pane.setFocus()

    def open_passage(self, passage_id: int, unit_id: int, start: int, end: int) -> None:
        self.open_location(unit_id, start, end)
        self.show_passage(passage_id)

    def refresh_current(self, ch: Changes) -> None:
        """After a change: re-show what the pane shows if it was touched."""
        uid = self.shown.unit_id
        if uid is None:
            return
        if ch.outline and not self.outline_model.find_unit(uid).isValid():
            try:
                outline_tree.unit_row(self.project, uid)
            except NotFound:  # the report was deleted
                self.shown = Shown()
                self.text_pane.clear_content(tr("The report was deleted."))
                self.passage_strip.close_strip()
                self.refresh_breadcrumb()
                return
        if ch.outline or uid in ch.units:
            if ch.outline:
                self.show_unit(uid, self.shown.section_id, keep_scroll=True)
                self.outline_panel.select_unit(uid, self.shown.section_id, emit=False)
                return
            self.text_pane.set_passages(self.unit_highlights(uid))
            self.refresh_suggestions()
            if self.passage_strip.passage is not None:
                self.show_passage(self.passage_strip.passage.id)
        if ch.labels or ch.themes:
            self.refresh_breadcrumb()
        if ch.themes and self.passage_strip.passage is not None:
            self.show_passage(self.passage_strip.passage.id)

    # == breadcrumb ===================================================================================
    def refresh_breadcrumb(self) -> None:
        parts: list[tuple[str, str]] = []
        note = ""
        if self.shown.unit_id is not None:
            try:
                row = outline_tree.unit_row(self.project, self.shown.unit_id)
            except NotFound:  # deleted meanwhile
                self.breadcrumb.set_parts([])
                return
            parts.append(("place", row.path[2] or unknown_county()))
            title = row.title or row.source
            parts.append((f"unit:{row.id}", f"{title}（{row.year}）" if row.year else title))
            if self.shown.section_id is not None:
                chain = []
                for top in self.section_rows(row.id):
                    chain = self._chain(top, self.shown.section_id)
                    if chain:
                        break
                parts += [(f"section:{s.id}", s.heading) for s in chain]
            if self.actions["original"].isChecked():
                note = tr("(original text, before cleaning)")
        elif self.shown.place:
            parts = [("", p) for p in self.shown.place if p] or [("", unknown_county())]
        self.breadcrumb.set_parts(parts, note)

    def _chain(self, s: outline_tree.SectionRow, target: int) -> list[outline_tree.SectionRow]:
        if s.id == target:
            return [s]
        for c in s.children:
            found = self._chain(c, target)
            if found:
                return [s, *found]
        return []

    def open_crumb(self, key: str) -> None:
        kind, _, value = key.partition(":")
        if kind == "place" and self.shown.unit_id is not None:
            ix = self.outline_model.find_unit(self.shown.unit_id)
            if ix.isValid():
                self.outline_panel.select_index(ix.parent())
        elif kind == "unit":
            self.open_location(int(value))
        elif kind == "section" and self.shown.unit_id is not None:
            self.open_location(self.shown.unit_id, section_id=int(value))

    # == passages list =================================================================================
    def current_scope(self) -> tuple[Scope, str]:
        if self.shown.section_id is not None:
            return Scope(section_id=self.shown.section_id), tr("This section")
        if self.shown.unit_id is not None:
            return Scope(unit_id=self.shown.unit_id), tr("This report")
        if self.shown.place:
            return Scope(place=self.shown.place), " ".join(p for p in self.shown.place if p) or unknown_county()
        return Scope(), tr("Project")

    def refresh_passage_list(self, _theme: object = None) -> None:
        """List the passages of what is shown: a report's or a section's at once; a place's or the
        whole project's (thousands of passages: a few tenths of a second) in the background, the
        latest asked for winning."""
        scope, label = self.coder_scope(*self.current_scope())
        theme = self.passage_list.theme_id()
        themes = [theme] if theme is not None else None
        self._list_run = getattr(self, "_list_run", 0) + 1
        if scope.unit_id is not None or scope.section_id is not None:
            self._passages_listed(self._list_run, scope, label, passage_scope.passages_in(self.project, scope, themes))
            return
        self.run_op(
            lambda project, _progress, _cancel: passage_scope.passages_in(project, scope, themes),
            label=tr("Listing passages"),
            on_done=partial(self._passages_listed, self._list_run, scope, label),
            progress=False,
        )

    def _passages_listed(self, run: int, scope: Scope, label: str, records) -> None:
        if run != self._list_run:  # something else was chosen meanwhile
            return
        self.passage_list.set_records(records, label, one_report=scope.unit_id is not None or scope.section_id is not None)
        if self.passage_strip.passage is not None:
            self.passage_list.select_passage(self.passage_strip.passage.id)

    # == themes as the panels see them ======================================================================
    def reload_themes(self) -> None:
        tree = theme_tree(self.project)
        looks: dict[int, ThemeLook] = {}

        def walk(ts, depth: int) -> None:
            for t in ts:
                looks[t.id] = ThemeLook(t.name, t.colour or "#888888", len(looks), t.shortcut, depth)
                walk(t.children, depth + 1)

        walk(tree, 0)
        self.looks = looks
        self.theme_model.set_themes(tree, passage_scope.theme_totals(self.project), theme_counts(self.project))
        for panel in (self.text_pane, self.outline_panel, self.passage_list):
            panel.set_looks(looks)

    def refresh_theme_counts(self) -> None:
        self.theme_model.set_counts(passage_scope.theme_totals(self.project), theme_counts(self.project))

    # == suggestions ===================================================================================
    def refresh_suggestions(self) -> None:
        content = self.text_pane.content
        if content is None or content.original:
            self.suggestion_list.set_rows([])
            return
        text = self.unit_text(content.unit_id)
        themes = [ThemeKeywords(t.id, tuple(t.keywords)) for t in self.theme_model.themes() if t.keywords]
        taken = [(s, e, t) for _pid, s, e, ts in content.passages for t in ts]
        rows = []
        for sug in suggest(text, themes, start=content.start, end=content.end, taken=taken):
            look = self.looks.get(sug.theme_id)
            if look is None:
                continue
            rows.append(
                SuggestionRow(content.unit_id, sug.start, sug.end, sug.theme_id, look.name, look.colour,
                              text[sug.start : sug.end], sug.keywords)
            )
        self.suggestion_list.set_rows(rows)
        self.right_tabs.setTabText(1, tr("Suggestions") + (f" ({len(rows)})" if rows else ""))

    def show_suggestion(self, row: SuggestionRow) -> None:
        if self.shown.unit_id == row.unit_id:
            self.text_pane.set_suggestion((row.start, row.end), row.colour or "#888888")

    def open_hit(self, hit) -> None:
        self.open_location(hit.unit, hit.start, hit.end)

    # == search ======================================================================================
    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def search_project(self, query: str | None = None) -> None:
        query = (query if query is not None else self.search_box.text()).strip()
        if not query:
            return
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.set_searching(query)
        # the first hits at once (a big project's texts are not all read for them), then the count
        self.run_op(
            lambda project, _progress, _cancel: search(project, query, SEARCH_LIMIT, first_only=True),
            label=tr("Searching"),
            on_done=self.first_hits_found,
            progress=False,
        )

    def first_hits_found(self, result) -> None:
        if self.search_panel.searching != result.query:
            return  # another search was started meanwhile
        if result.complete:
            self.search_panel.set_result(result, HitList(self.project, result.query, result.units))
            return
        self.search_panel.show_first_hits(result)
        self.run_op(
            lambda project, _progress, _cancel: search(project, result.query, SEARCH_LIMIT),
            label=tr("Searching"),
            on_done=self.all_hits_counted,
            progress=False,
        )

    def all_hits_counted(self, result) -> None:
        """Every hit listed: made from the counts as their rows are shown (reader.core.search.HitList,
        on this window's connection)."""
        if self.search_panel.searching == result.query:
            self.search_panel.set_result(result, HitList(self.project, result.query, result.units))

    # == matrix ======================================================================================
    def show_matrix(self) -> None:
        self.matrix_dock.show()
        self.matrix_dock.raise_()
        self.dock_fitter.open_below(self.matrix_dock)
        if self.matrix_stale:
            self.refresh_matrix(self.matrix_view.by())

    def recount_matrix(self) -> None:
        if self.matrix_dock.isVisible() and not self.closed:
            self.refresh_matrix(self.matrix_view.by())

    def matrix_visibility_changed(self, visible: bool) -> None:
        """The matrix dock shown (from the menu, the Panels menu or restored state): count if stale."""
        if visible and self.matrix_stale and not self.closed:
            self.refresh_matrix(self.matrix_view.by())

    def refresh_matrix(self, by: str) -> None:
        self.matrix_view.set_busy()
        self.matrix_stale = False
        coders = self.coder_filter
        self.run_op(
            lambda project, _progress, _cancel: theme_matrix(project, by, coders=coders),
            label=tr("Counting"),
            on_done=self.matrix_view.set_matrix,
            progress=False,
        )

    def matrix_cell(self, row: int, column: int) -> None:
        scope, themes = cell_scope(self.matrix_view.model.matrix, row, column)
        self.matrix_view.set_cell_passages(row, column, passage_scope.passages_in(self.project, scope, themes))

    # == view ===========================================================================================
    def open_find(self) -> None:
        self.find_bar.open_bar()

    def copy_text(self) -> None:
        self.text_pane.copy()

    def _set_font(self, size: int) -> None:
        lo, hi = keys.FONT_SIZE_RANGE
        size = min(max(size, lo), hi)
        self.settings.set_font_size(size)
        self.text_pane.apply_font(size)
        self.dock_fitter.update_min_width()  # thirty characters of the new size

    def font_bigger(self) -> None:
        self._set_font(self.text_pane.point_size + 1)

    def font_smaller(self) -> None:
        self._set_font(self.text_pane.point_size - 1)

    def font_reset(self) -> None:
        self._set_font(keys.FONT_SIZE_DEFAULT)

    def toggle_original(self) -> None:
        if self.shown.unit_id is not None:
            self.show_unit(self.shown.unit_id, self.shown.section_id)
        self.refresh_breadcrumb()
