"""The forms beside the plan outline: one objective, one micro-goal or one resource at a time.

Each form builds its widgets and knows how to show a record (`load`) and read an edited copy
back (`read`). The plan dialog registers the widgets as fields (so a problem appears under the
field it concerns) and swaps the record in the outline model on every edit. A number the
officer typed that does not read as one is kept as typed, never cleared.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.domain.plans.plans import (
    Direction,
    MicroGoal,
    MicroGoalStatus,
    Objective,
    ObjectiveCategory,
    PlanResource,
    ResourceKind,
)
from app.models.plans.plan_models import number_text, parse_number
from app.views.widgets.enum_combo import EnumCombo
from app.views.widgets.record_dialog import date_edit, from_qdate, to_qdate

_UNSET = date(2000, 1, 1)  # every date field is set by load() before it is shown


def _form(parent: QWidget) -> QFormLayout:
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    return form


class DetailForm(QWidget):
    """A titled form; ``fields`` lists (report field, label, widget) in tab order."""

    kind = ""
    numbers: tuple[str, ...] = ()

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = _form(self)
        self.heading = QLabel(f"<b>{heading}</b>")
        self.form.addRow(self.heading)
        self.fields: list[tuple[str, str, QWidget]] = []

    def _field(self, name: str, label: str, widget: QWidget) -> Any:
        widget.setAccessibleName(label.rstrip(":"))
        widget.setObjectName(f"{self.kind}_{name}")
        self.fields.append((name, label, widget))
        return widget

    def first_widget(self) -> QWidget:
        return self.fields[0][2]

    def number(self, name: str) -> QLineEdit:
        return self.widget(name)

    def widget(self, name: str) -> Any:
        return next(w for n, _l, w in self.fields if n == name)

    def read_numbers(self, typed: dict[str, str]) -> dict[str, float | None]:
        """Numbers that read; the text of the others goes into ``typed`` (name → text)."""
        out: dict[str, float | None] = {}
        for name in self.numbers:
            text = self.number(name).text()
            try:
                out[name] = parse_number(text)
            except ValueError:
                typed[name] = text
        return out

    def show_numbers(self, record: Any, typed: dict[str, str]) -> None:
        for name in self.numbers:
            self.number(name).setText(typed.get(name, number_text(getattr(record, name))))


class ObjectiveForm(DetailForm):
    kind = "objective"
    numbers = ("baseline", "target", "stretch_target")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Objective"), parent)
        self.title = self._field("title", self.tr("Objective:"), QLineEdit())
        self.title.setPlaceholderText(self.tr("What should improve, e.g. Close more tickets"))
        self.measure = self._field("measure", self.tr("Measure:"), QLineEdit())
        self.measure.setPlaceholderText(self.tr("How it is counted, e.g. Tickets closed a week"))
        self.unit = self._field("unit", self.tr("Unit:"), QLineEdit())
        self.direction = self._field("direction", self.tr("Better when:"), EnumCombo(Direction))
        self.baseline = self._field("baseline", self.tr("Baseline (today):"), QLineEdit())
        self.target = self._field("target", self.tr("Target:"), QLineEdit())
        self.stretch = self._field("stretch_target", self.tr("Stretch target:"), QLineEdit())
        self.stretch.setPlaceholderText(self.tr("optional: beyond the target"))
        self.due_on = self._field("due_on", self.tr("Met by:"), date_edit(_UNSET))
        self.category = self._field("category", self.tr("Category:"), EnumCombo(ObjectiveCategory))

    def load(self, o: Objective, fallback_due: date, typed: dict[str, str]) -> None:
        self.title.setText(o.title)
        self.measure.setText(o.measure)
        self.unit.setText(o.unit)
        self.direction.set_value(o.direction)
        self.show_numbers(o, typed)
        self.due_on.setDate(to_qdate(o.due_on or fallback_due))
        self.category.set_value(o.category)

    def read(self, o: Objective, typed: dict[str, str]) -> Objective:
        numbers = self.read_numbers(typed)
        return replace(
            o,
            title=self.title.text().strip(),
            measure=self.measure.text().strip(),
            unit=self.unit.text().strip(),
            direction=self.direction.value(),
            due_on=from_qdate(self.due_on.date()),
            category=self.category.value(),
            **numbers,
        )


class MicroGoalForm(DetailForm):
    kind = "goal"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Micro-goal"), parent)
        self.title = self._field("title", self.tr("Micro-goal:"), QLineEdit())
        self.title.setPlaceholderText(self.tr("A small step with its own date"))
        self.due_on = self._field("due_on", self.tr("Due:"), date_edit(_UNSET))
        self.status = self._field("status", self.tr("Status:"), EnumCombo(MicroGoalStatus))
        self.note = self._field("note", self.tr("Note:"), QPlainTextEdit())
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)

    def load(self, g: MicroGoal, fallback: date, typed: dict[str, str]) -> None:
        self.title.setText(g.title)
        self.due_on.setDate(to_qdate(g.due_on or fallback))
        self.status.set_value(g.status)
        self.note.setPlainText(g.note)

    def read(self, g: MicroGoal, typed: dict[str, str]) -> MicroGoal:
        return replace(
            g,
            title=self.title.text().strip(),
            due_on=from_qdate(self.due_on.date()),
            status=self.status.value(),
            note=self.note.toPlainText().strip(),
        )


class ResourceForm(DetailForm):
    kind = "resource"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Resource"), parent)
        self.resource_kind = self._field("kind", self.tr("Resource:"), EnumCombo(ResourceKind))
        self.description = self._field("description", self.tr("What:"), QLineEdit())
        self.description.setPlaceholderText(self.tr("e.g. Weekly one-to-one coaching"))
        self.provider = self._field("provider", self.tr("Provided by:"), QLineEdit())
        self.by_date = self._field("by_date", self.tr("By:"), date_edit(_UNSET))

    def load(self, r: PlanResource, fallback: date, typed: dict[str, str]) -> None:
        self.resource_kind.set_value(r.kind)
        self.description.setText(r.description)
        self.provider.setText(r.provider)
        self.by_date.setDate(to_qdate(r.by_date or fallback))

    def read(self, r: PlanResource, typed: dict[str, str]) -> PlanResource:
        return replace(
            r,
            kind=self.resource_kind.value(),
            description=self.description.text().strip(),
            provider=self.provider.text().strip(),
            by_date=from_qdate(self.by_date.date()),
        )
