"""Where the plan editor shows a problem: under the field of the line it concerns, as a mark
on that line of the outline, and (after Save) by opening the first line still to fix.

A mixin for `PlanDialog` (which holds ``outline``, ``line``, ``_touched_paths`` and the
RecordDialog state): the report names ``objectives[0].target``, the form beside the outline
shows only the chosen line, so a line's problems appear under its fields only while it is
chosen, and "edited" is remembered per line.
"""

from __future__ import annotations

from typing import Any

from app.domain.validation import Problem, ValidationReport
from app.models.ui_formats import ui_said
from app.views.plans.plan_paths import FIELD_PATH, friendly_field, line_path
from app.views.widgets.record_dialog import FieldRow


class PlanProblems:
    """Mixed into PlanDialog before RecordDialog, so these override the base's versions."""

    outline: Any
    line: Any
    _rows: dict[str, FieldRow]
    _touched: set[str]
    _touched_paths: set[str]

    def _sync_touched(self) -> None:
        """Detail fields count as edited only for the line they were edited on."""
        detail = {n for n in self._rows if "." in n}
        self._touched -= detail
        if self.line is None:
            return
        prefix = self.line.path + "."
        for path in self._touched_paths:
            if path.startswith(prefix) and "[" not in path[len(prefix) :]:
                self._touched.add(f"{self.line.kind}.{path[len(prefix) :]}")

    def _row_for(self, problem: Problem) -> FieldRow | None:
        line, leaf = line_path(problem.field)
        if line:
            ref = self.line
            if ref is None or ref.path != line or not leaf:
                return None
            return self._rows.get(f"{ref.kind}.{leaf}")
        return super()._row_for(problem)

    def _show(self, report: ValidationReport) -> None:
        super()._show(report)
        marks: dict[str, str] = {}
        for p in report.errors:
            line, _leaf = line_path(p.field)
            if line and (self.submitted or p.field in self._touched_paths):
                marks[line] = (marks.get(line, "") + " " + ui_said(p.message)).strip()
        self.outline.set_problems(marks)

    def _label(self, problem: Problem) -> str:
        if FIELD_PATH.match(problem.field):
            return friendly_field(problem.field)
        return super()._label(problem) or problem.field.capitalize()

    def _focus_first_problem(self, report: ValidationReport) -> None:
        """Put the cursor on the first problem in form order, opening its outline line if it
        belongs to one, so Save leads the officer to it."""
        for p in report.errors:
            line, leaf = line_path(p.field)
            if not line:
                row = super()._row_for(p)
                if row is not None and row.widget.isEnabled():
                    row.widget.setFocus()
                    return
                continue
            ref = next((r for r in self.outline.all_refs() if r.path == line), None)
            if ref is not None:
                self.select(ref)
                row = self._rows.get(f"{ref.kind}.{leaf}")
                if row is not None:
                    row.widget.setFocus()
                return
        super()._focus_first_problem(report)
