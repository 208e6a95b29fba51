"""Two optional 1–5 choices asked when a case closes: the employee's and the manager's view.

Used by the advance-stage dialog when its target closes the case. "Not asked" is the default,
so a closing never requires scores.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from app.domain.plans.satisfaction import HIGHEST, LOWEST, Satisfaction


class SatisfactionFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("satisfactionFields")
        self.employee_combo = self._combo("employeeSatisfaction")
        self.manager_combo = self._combo("managerSatisfaction")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Employee satisfaction:"), self.employee_combo)
        form.addRow(self.tr("Manager satisfaction:"), self.manager_combo)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("Not asked"), None)
        words = {LOWEST: self.tr("1 (low)"), HIGHEST: self.tr("5 (high)")}
        for n in range(LOWEST, HIGHEST + 1):
            combo.addItem(words.get(n, str(n)), n)
        combo.setToolTip(self.tr("Optional. Only the distribution is ever reported."))
        return combo

    def scores(self) -> Satisfaction:
        return Satisfaction(self.employee_combo.currentData(), self.manager_combo.currentData())
