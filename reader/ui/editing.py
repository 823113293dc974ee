"""The main window's editing side: tagging (keys 1-9, a click on a theme, the context menu, whole
sections, headings by pattern, accepted suggestions), passages (show, edit, delete), the codebook
(add, edit, merge, delete, move) and report corrections (county, year, title, delete). Every change
is an undoable command pushed through MainWindow.push. A mixin of MainWindow."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QApplication

from reader.core.errors import AmbiguousPlace, InvalidInput, ReaderError
from reader.core.ingest import unit_edits as units
from reader.core.messages import describe
from reader.core.store import passage_edits
from reader.core.store.outline_tree import unit_row
from reader.core.store.passages import get_passage
from reader.core.store.theme_edits import edit_theme
from reader.core.store.themes import add_theme, delete_theme, merge_themes, move_theme, subtree_ids
from reader.core.tagging.passage_bounds import trim_span
from reader.ui import i18n
from reader.ui.commands import (
    CorrectUnit,
    DeletePassages,
    DeleteUnit,
    EditPassage,
    TagPassage,
    TagSections,
    ThemeCommand,
)
from reader.ui.dialogs.confirm import ConfirmDialog
from reader.ui.dialogs.passage import PassageDialog
from reader.ui.dialogs.pattern import PatternTagDialog
from reader.ui.dialogs.theme import ThemeDialog, ThemePickerDialog
from reader.ui.dialogs.unitfield import COUNTY, TITLE, YEAR, UnitFieldDialog
from reader.ui.i18n import tr
from reader.ui.models.suggestions import SuggestionRow
from reader.ui.models.themes import swatch
from reader.ui.plain import menu_text


class EditingMixin:
    # == tagging =======================================================================================
    def tag_selection(self, theme_ids: list[int]) -> bool:
        """Tag the pane's selection with themes (one undoable step)."""
        content = self.text_pane.content
        if content is not None and content.original:
            self.status(tr("The original text cannot be tagged: switch off View ▸ Show original text."))
            return False
        span = self.text_pane.selection_span()
        if span is None:
            self.status(tr("Select some text first, then choose a theme."))
            return False
        done = self.tag_span(content.unit_id, span[0], span[1], theme_ids)
        if done:
            cursor = self.text_pane.textCursor()
            cursor.clearSelection()
            self.text_pane.setTextCursor(cursor)
        return done

    def tag_span(self, unit_id: int, start: int, end: int, theme_ids: list[int]) -> bool:
        """Tag unit text [start, end) (code points) with themes, as one undoable step: the one way
        the pane and the comparison view tag. The punctuation and blanks at the ends of a selection
        are left out (not the 。 a drag began on)."""
        span = trim_span(self.unit_text(unit_id), start, end)
        if span is None:
            self.status(tr("Only punctuation or blanks are selected: nothing to tag."))
            return False
        done = self.push(TagPassage(self, unit_id, span[0], span[1], theme_ids))
        if done:
            names = "、".join(self.looks[t].name for t in theme_ids if t in self.looks)
            self.status(tr("Tagged as {themes}.").format(themes=names))
        return done

    def tag_with_theme(self, theme_id: int) -> None:
        self.tag_selection([theme_id])

    def passage_strip_closed(self) -> None:
        self.text_pane.set_active_passage(None)

    def theme_with_key(self, key: str) -> int | None:
        """The theme whose shortcut is `key` ('1'..'9'); None (said in the status bar) if none."""
        tid = next((t for t, look in self.looks.items() if look.shortcut == key), None)
        if tid is None:
            self.status(tr("No theme has the key {key} (set it in the theme editor).").format(key=key))
        return tid

    def tag_with_key(self, key: str) -> None:
        tid = self.theme_with_key(key)
        if tid is not None:
            self.tag_selection([tid])

    def theme_clicked(self, theme_id: int) -> None:
        """A click on a theme tags the selection if there is one, else filters the passages."""
        if self.text_pane.selection_span() is not None:
            self.tag_selection([theme_id])
        else:
            self.passage_list.set_theme_filter(theme_id)

    def fill_tag_menu(self) -> None:
        menu = self.tag_theme_menu
        menu.clear()
        enabled = self.text_pane.selection_span() is not None
        for tid, look in sorted(self.looks.items(), key=lambda kv: kv[1].order):
            label = "    " * look.depth + menu_text(look.name) + (f"\t{look.shortcut}" if look.shortcut else "")
            action = menu.addAction(swatch(look.colour), label)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _c=False, t=tid: self.tag_selection([t]))

    def tag_selection_dialog(self) -> None:
        if self.text_pane.selection_span() is None:
            self.status(tr("Select some text first, then choose a theme."))
            return
        tid = ThemePickerDialog.ask(self, self.looks, set(), tr("Tag selection"), tr("Tag the selected text as:"))
        if tid is not None:
            self.tag_selection([tid])

    def accept_suggestion(self, row: SuggestionRow) -> None:
        if self.push(TagPassage(self, row.unit_id, row.start, row.end, [row.theme_id])):
            self.status(tr("Suggestion accepted: tagged as {theme}.").format(theme=row.theme))

    # == whole sections ================================================================================
    def tag_section(self, section_id: int, theme_id: int, subsections: bool) -> None:
        command = TagSections(
            self,
            lambda p: passage_edits.tag_sections(p, [section_id], [theme_id], subsections=subsections),
            QT_TR_NOOP("Tag section"),
        )
        self._push_sections(command)

    def _push_sections(self, command: TagSections) -> bool:
        try:
            changes = command.first()
        except ReaderError as e:
            self.show_error(e)
            return False
        if not command.result.passage_ids:
            self.status(tr("Nothing to tag: those sections are already tagged so."))
            return False
        self.undo_stack.push(command)
        self.apply_changes(changes)
        self.status(tr("{n} sections tagged (one step: Undo removes them all).").format(n=len(command.result.passage_ids)))
        return True

    def count_matching(self, pattern: str, regex: bool, this_report: bool, subsections: bool) -> tuple[int, int] | str:
        """(sections whose heading matches, passages tagging would make), or why the pattern is wrong."""
        unit_ids = [self.shown.unit_id] if this_report and self.shown.unit_id is not None else None
        try:
            sections = passage_edits.count_sections_matching(self.project, pattern, regex=regex, unit_ids=unit_ids)
            passages = passage_edits.count_sections_matching(self.project, pattern, regex=regex, unit_ids=unit_ids,
                                                             outermost=subsections)
        except InvalidInput as e:
            return describe(e, i18n.message_lang())
        return sections, passages

    def pattern_tag(self) -> None:
        heading = ""
        if self.shown.section_id is not None:
            rows = self.section_rows(self.shown.unit_id)
            sec = next((s for top in rows for s in top.walk() if s.id == self.shown.section_id), None)
            heading = sec.heading[:6] if sec else ""
        answer = PatternTagDialog.ask(self, self.looks, self.count_matching, heading, self.shown.unit_id is not None)
        if answer is None:
            return
        unit_ids = [self.shown.unit_id] if answer.this_report_only and self.shown.unit_id is not None else None
        # thousands of sections take a second or so: tag in the background, then push the result
        self.run_op(
            lambda project, _progress, _cancel: passage_edits.tag_sections_matching(
                project, answer.pattern, [answer.theme_id], regex=answer.regex, subsections=answer.subsections,
                unit_ids=unit_ids,
            ),
            label=tr("Tagging sections"),
            on_done=self.pattern_tagged,
        )

    def pattern_tagged(self, result: passage_edits.SectionTagging) -> None:
        self._push_sections(TagSections(self, None, QT_TR_NOOP("Tag sections by heading"), result=result))

    # == passages ==================================================================================
    def show_passage(self, passage_id: int) -> None:
        try:
            p = get_passage(self.project, passage_id)
        except ReaderError:
            self.passage_strip.close_strip()
            return
        self.passage_strip.show_passage(p, self.looks)
        self.text_pane.set_active_passage(passage_id)
        self.passage_list.select_passage(passage_id)

    def edit_passage(self, passage_id: int) -> None:
        try:
            p = get_passage(self.project, passage_id)
        except ReaderError as e:
            self.show_error(e)
            return
        answer = PassageDialog.ask(self, p, self.looks, self.unit_text(p.unit_id))
        if answer is None:
            return
        span = (answer.start, answer.end) if answer.start is not None else (p.start, p.end)
        if answer.delete:
            self.delete_passage(passage_id)
        elif answer.theme_ids != p.theme_ids or answer.note != p.note or span != (p.start, p.end):
            self.push(EditPassage(self, passage_id, answer.theme_ids, answer.note, span))

    def delete_passage(self, passage_id: int) -> None:
        focus = QApplication.focusWidget()
        from_strip = focus is not None and self.passage_strip.isAncestorOf(focus)
        if self.push(DeletePassages(self, [passage_id])):
            self.passage_strip.close_strip()
            if from_strip:  # its button is gone: back to the text, not wherever Qt would put the focus
                self.text_pane.setFocus()
            self.status(tr("Passage deleted (Ctrl+Z brings it back)."))

    # == codebook =====================================================================================
    def _holders(self, except_id: int | None = None) -> dict[str, str]:
        return {look.shortcut: look.name for tid, look in self.looks.items() if look.shortcut and tid != except_id}

    def add_theme_dialog(self) -> None:
        self.add_theme(None)

    def add_theme(self, parent_id: int | None) -> None:
        free = next((k for k in "123456789" if k not in self._holders()), "")
        answer = ThemeDialog.ask(
            self,
            title=tr("New theme") if parent_id is None else tr("New subtheme"),
            shortcut=free,
            holders=self._holders(),
            parent_name=self.looks[parent_id].name if parent_id in self.looks else None,
        )
        if answer is None:
            return
        self.push(
            ThemeCommand(
                self,
                QT_TR_NOOP("Add theme"),
                lambda p: add_theme(p, answer.name, parent_id, colour=answer.colour,
                                    shortcut=answer.shortcut or None, keywords=answer.keywords),
            )
        )

    def edit_theme(self, theme_id: int) -> None:
        theme = next((t for t in self.theme_model.themes() if t.id == theme_id), None)
        if theme is None:
            return
        answer = ThemeDialog.ask(
            self,
            title=tr("Edit theme"),
            name=theme.name,
            colour=theme.colour,
            shortcut=theme.shortcut,
            keywords=theme.keywords,
            holders=self._holders(theme_id),
        )
        if answer is None:
            return
        command = ThemeCommand(
            self,
            QT_TR_NOOP("Edit theme"),
            lambda p: edit_theme(p, theme_id, name=answer.name, colour=answer.colour, shortcut=answer.shortcut,
                                 keywords=answer.keywords),
        )
        self.push(command)

    def merge_theme(self, theme_id: int) -> None:
        name = self.looks[theme_id].name if theme_id in self.looks else "?"
        exclude = set(subtree_ids(self.project, theme_id))
        target = ThemePickerDialog.ask(
            self, self.looks, exclude, tr("Merge theme"),
            tr("Merge “{name}” into which theme? Its passages and subthemes move there, and “{name}” is removed.").format(name=name),
        )
        if target is None:
            return
        self.push(ThemeCommand(self, QT_TR_NOOP("Merge themes"), lambda p: merge_themes(p, theme_id, target), [theme_id, target]))

    def delete_theme(self, theme_id: int) -> None:
        look = self.looks.get(theme_id)
        if look is None:
            return
        node = self.theme_model.by_id.get(theme_id)
        n = node.count if node else 0
        if not ConfirmDialog.ask(
            self,
            tr("Delete theme"),
            tr("Delete the theme “{name}” and its subthemes?").format(name=look.name),
            tr("Delete"),
            tr("{n} passages lose this tag; the passages themselves stay. Undo (Ctrl+Z) restores it all.").format(n=n),
        ):
            return
        touched = subtree_ids(self.project, theme_id)
        self.push(ThemeCommand(self, QT_TR_NOOP("Delete theme"), lambda p: delete_theme(p, theme_id), touched))

    def move_theme(self, theme_id: int, parent_id: int | None) -> None:
        self.push(ThemeCommand(self, QT_TR_NOOP("Move theme"), lambda p: move_theme(p, theme_id, parent_id)))

    # == reports ======================================================================================
    def _report_label(self, unit_id: int) -> str:
        try:
            row = unit_row(self.project, unit_id)
        except ReaderError:
            return ""
        place = " ".join(x for x in row.path if x)
        return f"{place} · {row.title or row.source}" + (f"（{row.year}）" if row.year else "")

    def correct_county(self, unit_id: int) -> None:
        """Ask for the county; a name several places share is asked again with them listed."""
        row = unit_row(self.project, unit_id)
        value, problem, choices = row.path[2] or "", "", None
        while True:
            value = UnitFieldDialog.ask(self, COUNTY, value, self._report_label(unit_id), problem, choices)
            if value is None:
                return
            command = CorrectUnit(self, QT_TR_NOOP("Correct county"), unit_id,
                                  lambda p, v=value: units.set_county(p, unit_id, v))
            try:
                changes = command.first()
            except AmbiguousPlace as e:
                problem, choices = describe(e, i18n.message_lang()), e.choices.split("、")
                continue
            except ReaderError as e:
                self.show_error(e)
                return
            self.undo_stack.push(command)
            self.apply_changes(changes)
            return

    def correct_year(self, unit_id: int) -> None:
        row = unit_row(self.project, unit_id)
        value = UnitFieldDialog.ask(self, YEAR, str(row.year or ""), self._report_label(unit_id))
        if value is None:
            return
        self.push(CorrectUnit(self, QT_TR_NOOP("Correct year"), unit_id, lambda p: units.set_year(p, unit_id, value)))

    def rename_unit(self, unit_id: int) -> None:
        row = unit_row(self.project, unit_id)
        value = UnitFieldDialog.ask(self, TITLE, row.title or "", self._report_label(unit_id))
        if value is None:
            return
        self.push(CorrectUnit(self, QT_TR_NOOP("Rename report"), unit_id, lambda p: units.set_title(p, unit_id, value)))

    def delete_unit(self, unit_id: int) -> None:
        row = unit_row(self.project, unit_id)
        if not ConfirmDialog.ask(
            self,
            tr("Delete report"),
            tr("Delete the report “{title}”?").format(title=self._report_label(unit_id)),
            tr("Delete"),
            tr("Its {n} tagged passages are deleted with it. Undo (Ctrl+Z) brings everything back.").format(
                n=row.passages
            ),
        ):
            return
        if self.push(DeleteUnit(self, unit_id)):
            self.status(tr("Report deleted (Ctrl+Z brings it back)."))
