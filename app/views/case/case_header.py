"""The head of a case view: who, which stage and track, whose case, and what is due next."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from app.domain.escalation.flags import Flag
from app.models.theme import colour_css, flag_colours
from app.models.ui_formats import ui_formats, ui_label
from app.services.cases.case_overview import CaseOverview

FLAG_ORDER = (Flag.OVERDUE, Flag.DUE_SOON, Flag.AWAITING_APPROVAL, Flag.STALLED)


def flag_chip(flag: Flag) -> QLabel:
    fg, bg = flag_colours(flag)
    chip = QLabel(ui_label(flag))
    chip.setObjectName(f"flag_{flag.value}")
    chip.setStyleSheet(
        f"color: {fg.name()}; background: {bg.name()}; border-radius: 8px; padding: 2px 8px;"
        " font-weight: 600;"
    )
    return chip


class CaseHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet(colour_css("muted"))
        self.stage = QLabel()
        self.track = QLabel()
        self.owner = QLabel()
        self.deadline = QLabel()
        self.deadline.setObjectName("caseDeadline")
        self.handover = QLabel()
        self.handover.setObjectName("caseHandover")
        self.handover.setWordWrap(True)
        self.handover.setStyleSheet(colour_css("info"))
        self.handover.hide()
        self.flags_row = QHBoxLayout()
        self.flags_row.setContentsMargins(0, 0, 0, 0)
        self.flags_row.addStretch(1)
        self.chips: list[QLabel] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setHorizontalSpacing(36)
        grid.addWidget(self.title, 0, 0, 1, 4)
        grid.addWidget(self.subtitle, 1, 0, 1, 4)
        for col, (label, value) in enumerate(
            (
                (self.tr("Stage"), self.stage),
                (self.tr("Track"), self.track),
                (self.tr("Owner"), self.owner),
                (self.tr("Next deadline"), self.deadline),
            )
        ):
            caption = QLabel(label.upper())
            caption.setStyleSheet(colour_css("muted") + " font-size: 8pt; letter-spacing: 1px;")
            grid.addWidget(caption, 2, col)
            grid.addWidget(value, 3, col)
        flags_holder = QWidget()
        flags_holder.setLayout(self.flags_row)
        grid.addWidget(flags_holder, 4, 0, 1, 4)
        grid.addWidget(self.handover, 5, 0, 1, 4)
        grid.setColumnStretch(3, 1)

    def show_overview(self, o: CaseOverview) -> None:
        e = o.employee
        self.title.setText(f"{html.escape(e.name)} — {html.escape(o.case.reference)}")
        parts = [
            p
            for p in (
                e.job_title,
                e.department,
                self.tr("manager %1").replace("%1", e.manager) if e.manager else "",
                self.tr("employee no. %1").replace("%1", e.employee_number),
            )
            if p
        ]
        self.subtitle.setText(" · ".join(html.escape(p) for p in parts))
        self.stage.setText(
            f"<b>{html.escape(ui_formats().tr(o.stage_name))}</b>"
            + (
                " " + self.tr("since %1").replace("%1", ui_formats().date(o.case.stage_entered_on))
                if o.case.stage_entered_on
                else ""
            )
        )
        self.track.setText(html.escape(ui_formats().tr(o.track_label)))
        self.owner.setText(html.escape(o.owner))
        self.deadline.setText(html.escape(o.deadline_text_in(ui_formats().name)))
        overdue = Flag.OVERDUE in o.flags
        self.deadline.setStyleSheet(colour_css("error") + " font-weight: 600;" if overdue else "")
        self._set_flags(o.flags)
        self.handover.setText(html.escape(o.handover))
        self.handover.setVisible(bool(o.handover))

    def _set_flags(self, flags: frozenset[Flag]) -> None:
        for chip in self.chips:
            self.flags_row.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self.chips = [flag_chip(f) for f in FLAG_ORDER if f in flags]
        for i, chip in enumerate(self.chips):
            self.flags_row.insertWidget(i, chip)

    def flag_texts(self) -> list[str]:
        return [c.text() for c in self.chips]

    def clear(self) -> None:
        for label in (
            self.title, self.subtitle, self.stage, self.track, self.owner, self.deadline,
            self.handover,
        ):  # fmt: skip
            label.clear()
        self._set_flags(frozenset())
