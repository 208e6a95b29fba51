"""A combo box over the members of a `LabelledEnum`.

Qt stores a ``str`` enum member given as item data as a plain string, so `currentData()` would
hand back ``"hr_officer"`` rather than ``Role.HR_OFFICER``. This box keeps the members itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from app.models.ui_formats import ui_label


class EnumCombo(QComboBox):
    def __init__(
        self,
        members: Iterable[Enum],
        parent: QWidget | None = None,
        none_label: str | None = None,
        labels: dict[Any, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._members: list[Enum | None] = []
        if none_label is not None:
            self._members.append(None)
            self.addItem(none_label)
        for m in members:
            self._members.append(m)
            self.addItem((labels or {}).get(m) or ui_label(m))

    def value(self) -> Any:
        i = self.currentIndex()
        return self._members[i] if 0 <= i < len(self._members) else None

    def set_value(self, member: Enum | None) -> None:
        if member in self._members:
            self.setCurrentIndex(self._members.index(member))

    def members(self) -> list[Enum | None]:
        return list(self._members)
