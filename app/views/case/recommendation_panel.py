"""What the case's indicators suggest, and why: shown on the case, never acted on by itself.

The officer sees the recommended next stage with the thresholds that fired (which indicators,
how many, since when), or that nothing is reached. Moving the case stays their decision.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.models.ui_formats import ui_formats


class RecommendationPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recommendationPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setObjectName("recommendationText")
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Recommendation from the indicators"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text)

    def show_for(self, services: Any, case_id: int) -> None:
        recommendation = services.escalation.recommend(case_id)
        policy = services.escalation.policy_for(services.cases.get(case_id))
        if not recommendation.reasons:
            self.text.setText(
                html.escape(
                    recommendation.note_in(ui_formats().language)
                    or self.tr("No step is suggested.")
                )
            )
            return
        if recommendation.next_stage:
            head = self.tr("Indicators suggest the next step: <b>%1</b>.").replace(
                "%1", html.escape(ui_formats().tr(policy.stage_name(recommendation.next_stage)))
            )
        else:
            head = html.escape(
                recommendation.note_in(ui_formats().language) or self.tr("No move is suggested.")
            )
        language = ui_formats().language
        reasons = "".join(f"<li>{html.escape(r)}</li>" for r in recommendation.reasons_in(language))
        extra = (
            "<li>" + self.tr("Consider the high-stakes track (safety or compliance).") + "</li>"
            if recommendation.suggest_high_stakes
            else ""
        )
        tail = self.tr("A suggestion only: Casepath never moves a case by itself.")
        self.text.setText(f"{head}<ul style='margin:2px'>{reasons}{extra}</ul><i>{tail}</i>")

    def plain_text(self) -> str:
        return self.text.text()

    def clear(self) -> None:
        self.text.clear()
