"""The case view: a header with who, where and what is due, actions, and one tab per topic.

The shell opens it with ``CaseWorkspace(services, case_id, parent)``, calls `clear()` when the
vault locks (every widget blanks, open dialogs close, the case's decrypted file copies are
removed) and listens to `closed` and `changed`.

Tabs are listed once in `tab_specs`; each tab class takes ``(services, case_id, parent)`` and
has `refresh()` and `clear()` (and, optionally, a `changed` signal and `set_read_only`).
A tab is built when it is first shown or asked for (`tab(title)`), not when the case opens:
building and filling all seven took most of the 589 ms a 500-entry case needed (issue 18).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.services.audit.history_service import history_key
from app.services.cases.case_overview import case_overview
from app.views.case.case_header import CaseHeader
from app.views.case.dialogs.advance_stage_dialog import AdvanceStageDialog
from app.views.case.dialogs.exception_dialog import ExceptionDialog
from app.views.case.dialogs.track_change_dialog import TrackChangeDialog
from app.views.case.recommendation_panel import RecommendationPanel
from app.views.case.tabs.conversations_tab import ConversationsTab
from app.views.case.tabs.decisions_tab import DecisionsTab
from app.views.case.tabs.evidence_tab import EvidenceTab
from app.views.case.tabs.timeline_tab import TimelineTab
from app.views.documents.documents_tab import DocumentsTab
from app.views.plans.plan_tab import PlanTab
from app.views.privacy.case_privacy_menu import CasePrivacyMenu
from app.views.reviews.reviews_tab import ReviewsTab

TabFactory = Callable[[Any, int, QWidget], QWidget]


class _TabsByTitle(Mapping):
    """title → tab, building a tab the first time it is looked up."""

    def __init__(self, workspace: CaseWorkspace) -> None:
        self._workspace = workspace

    def __getitem__(self, title: str) -> QWidget:
        return self._workspace.tab(title)

    def __iter__(self) -> Iterator[str]:
        return iter(self._workspace._factories)

    def __len__(self) -> int:
        return len(self._workspace._factories)


class CaseWorkspace(QWidget):
    closed = Signal()
    changed = Signal(int)  # the case id: the case list refreshes that row

    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.case_id = case_id
        self.reference = ""
        self._factories: dict[str, TabFactory] = {}
        self._built: dict[str, QWidget] = {}  # the tabs built so far
        self._read_only = False
        self.tabs_by_title: Mapping[str, QWidget] = _TabsByTitle(self)
        self._dialogs: list[QWidget] = []

        self.header = CaseHeader()
        self.advance_button = QPushButton(self.tr("&Advance stage…"))
        self.advance_button.setObjectName("advanceStage")
        self.exception_button = QPushButton(self.tr("Request e&xception…"))
        self.exception_button.setObjectName("requestException")
        self.track_button = QPushButton(self.tr("Change &track…"))
        self.track_button.setObjectName("changeTrack")
        self.track_button.clicked.connect(lambda: self.change_track())
        self.status_button = QPushButton(self.tr("Status &update…"))
        self.status_button.setObjectName("statusUpdate")
        self.status_button.setToolTip(
            self.tr("A short neutral status for the manager or sponsor, to copy or print")
        )
        self.status_button.clicked.connect(lambda: self.status_update())
        # History… and Reopen case…: actions in the case's own toolbar (and keys).
        self.history_action = self._case_action(
            self.tr("&History…"), self.show_history, "Ctrl+H", "caseHistoryAction"
        )
        self.history_action.setToolTip(
            self.tr("Every version of this case's records: who changed what, and when")
        )
        self.reopen_action = self._case_action(
            self.tr("Re&open case…"), self.reopen_case, None, "reopenCaseAction"
        )
        self.reopen_action.setToolTip(
            self.tr("A closed case is read-only; reopening takes a reason and an approval")
        )
        self.case_toolbar = QToolBar(self.tr("Case"))
        self.case_toolbar.setObjectName("caseToolbar")
        self.case_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.case_toolbar.addAction(self.history_action)
        self.case_toolbar.addAction(self.reopen_action)
        self.case_toolbar.setStyleSheet("QToolBar { border: 0; padding: 0; spacing: 6px; }")
        self.history_button = self.case_toolbar.widgetForAction(self.history_action)
        self.reopen_button = self.case_toolbar.widgetForAction(self.reopen_action)
        for button, words in ((self.history_button, self.tr("History…")),
                              (self.reopen_button, self.tr("Reopen case…"))):  # fmt: skip
            button.setAutoRaise(False)  # looks like the push buttons beside it
            button.setText(words)
        self.recommendation = RecommendationPanel()
        self.close_button = QPushButton(self.tr("Cl&ose case view"))
        self.close_button.setToolTip(self.tr("Ctrl+W in the main window"))
        self.advance_button.clicked.connect(lambda: self.advance_stage())
        self.exception_button.clicked.connect(lambda: self.request_exception())
        self.close_button.clicked.connect(lambda: self.close_case())
        self.locked_label = QLabel(self.tr("Locked. Unlock the vault to see this case."))
        self.locked_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.locked_label.hide()
        self.action_bar = QWidget()
        actions = QHBoxLayout(self.action_bar)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.advance_button)
        actions.addWidget(self.exception_button)
        actions.addWidget(self.track_button)
        actions.addWidget(self.status_button)
        self.records_menu = CasePrivacyMenu(self)  # legal hold, erasure (issue 15)
        actions.addWidget(self.records_menu)
        actions.addWidget(self.case_toolbar)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._build_tabs()
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.recommendation)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.records_menu.hold_label)
        layout.addWidget(line)
        layout.addWidget(self.locked_label, 1)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    # -- tabs ------------------------------------------------------------------------------
    def tab_specs(self) -> list[tuple[str, TabFactory]]:
        """The case view's tabs, in order. A later feature adds ONE line here."""
        specs: list[tuple[str, TabFactory]] = [
            (QT_TRANSLATE_NOOP("CaseWorkspace", "Timeline"), TimelineTab),
            (QT_TRANSLATE_NOOP("CaseWorkspace", "Conversations"), ConversationsTab),
            (QT_TRANSLATE_NOOP("CaseWorkspace", "Indicators and observations"), EvidenceTab),
            (QT_TRANSLATE_NOOP("CaseWorkspace", "Decisions and exceptions"), DecisionsTab),
        ]
        # -- later issues: plan, reviews, documents (one line each) --
        # e.g. from app.views.plans.plan_tab import PlanTab; specs.append(("Plan", PlanTab))
        specs += [
            (QT_TRANSLATE_NOOP("CaseWorkspace", "Plan"), PlanTab),
            (QT_TRANSLATE_NOOP("CaseWorkspace", "Reviews"), ReviewsTab),
        ]
        specs.append((QT_TRANSLATE_NOOP("CaseWorkspace", "Documents"), DocumentsTab))
        return specs

    def _build_tabs(self) -> None:
        """An empty page per tab; the first (shown) tab is built now, the others when shown."""
        for title, factory in self.tab_specs():
            self._factories[title] = factory
            self.tabs.addTab(QWidget(), self.tab_label(title))
        if self._factories:
            self.tab(next(iter(self._factories)))

    def tab_label(self, title: str) -> str:
        """A tab's title in the interface language (``title`` stays the English key)."""
        return QCoreApplication.translate("CaseWorkspace", title)

    def tab(self, title: str) -> Any:
        """The tab called ``title``, built (and filled) now if it was not yet."""
        built = self._built.get(title)
        if built is not None:
            return built
        factory = self._factories[title]  # KeyError for an unknown title, as before
        tab = factory(self.services, self.case_id, self)
        self._built[title] = tab
        signal = getattr(tab, "changed", None)
        if signal is not None:
            signal.connect(self._tab_changed)
        from app.views.widgets.record_list_section import RecordListSection

        for source in [tab, *tab.findChildren(RecordListSection)]:
            wants = getattr(source, "history_requested", None)
            if wants is not None:
                wants.connect(self.show_record_history)
        index = list(self._factories).index(title)
        current = self.tabs.currentIndex()
        placeholder = self.tabs.widget(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, self.tab_label(title))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        if self.services is None:
            tab.clear()
        elif self.reference:  # the header is shown: fill the tab like the others
            self._refresh_tab(tab)
        return tab

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the header and every tab (after a change, or when the case is shown)."""
        if self.services is None:
            return
        overview = case_overview(self.services, self.case_id)
        self.reference = overview.case.reference
        self.header.show_overview(overview)
        self.setWindowTitle(f"{overview.case.reference} — Casepath")
        read_only = overview.closed or overview.handed_over
        self.advance_button.setEnabled(not read_only)
        self.exception_button.setEnabled(not read_only)
        self.track_button.setEnabled(not read_only)
        self.recommendation.show_for(self.services, self.case_id)
        why = self.tr("The case was handed over.") if overview.handed_over else ""
        self.advance_button.setToolTip(
            why or (self.tr("The case is closed.") if overview.closed else "")
        )
        reopenable = overview.closed and not overview.handed_over
        self.reopen_action.setEnabled(reopenable)
        self.reopen_action.setVisible(reopenable)
        self._read_only = read_only
        self.records_menu.refresh_state()
        for tab in self._built.values():
            self._refresh_tab(tab)

    def _refresh_tab(self, tab: QWidget) -> None:
        setter = getattr(tab, "set_read_only", None)
        tab.refresh()
        if setter is not None:
            setter(self._read_only)

    def _refresh_current(self) -> None:
        if self.services is None:
            return
        index = self.tabs.currentIndex()
        if index < 0:
            return
        title = list(self._factories)[index]
        if title not in self._built:
            self.tab(title)  # built and filled on first show
            return
        self._built[title].refresh()

    def _tab_changed(self) -> None:
        self.refresh()
        self.changed.emit(self.case_id)

    # -- actions ---------------------------------------------------------------------------
    def _case_action(self, text: str, slot: Any, shortcut: str | None, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: slot())
        self.addAction(action)
        return action

    def show_history(self, record: tuple[str, int] | None = None) -> QWidget | None:
        """The History dialog: the records that changed, or ``record`` (table, id) first."""
        if self.services is None:
            return None
        from app.views.case.dialogs.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.services, self.case_id, self, record)
        self._dialogs.append(dialog)
        dialog.finished.connect(
            lambda _r: self._dialogs.remove(dialog) if dialog in self._dialogs else None
        )
        dialog.open()
        return dialog

    def show_record_history(self, record: object) -> QWidget | None:
        key = history_key(record)
        return self.show_history(key) if key is not None else None

    def reopen_case(self) -> QWidget | None:
        if self.services is None or not self._read_only:
            return None
        from app.views.case.dialogs.reopen_dialog import ReopenCaseDialog

        return self._open(ReopenCaseDialog(self.services, self.case_id, self))

    def _open(self, dialog: QWidget) -> QWidget:
        self._dialogs.append(dialog)

        def done(result: int) -> None:
            if dialog in self._dialogs:
                self._dialogs.remove(dialog)
            if result and self.services is not None:
                self._tab_changed()
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def advance_stage(self) -> AdvanceStageDialog | None:
        if self.services is None:
            return None
        return self._open(AdvanceStageDialog(self.services, self.case_id, self))

    def request_exception(self) -> ExceptionDialog | None:
        if self.services is None:
            return None
        return self._open(ExceptionDialog(self.services, self.case_id, self))

    def change_track(self) -> TrackChangeDialog | None:
        if self.services is None:
            return None
        return self._open(TrackChangeDialog(self.services, self.case_id, self))

    def status_update(self) -> QWidget | None:
        if self.services is None:
            return None
        from app.views.calibration.status_update_dialog import StatusUpdateDialog

        dialog = StatusUpdateDialog(self.services, self.case_id, self)
        self._dialogs.append(dialog)
        dialog.finished.connect(
            lambda _r: self._dialogs.remove(dialog) if dialog in self._dialogs else None
        )
        dialog.open()
        return dialog

    def close_case(self) -> None:
        """Closing the view (not the case): its decrypted file copies go with it."""
        self._close_dialogs()
        if self.services is not None:
            self.services.attachments.close_case(self.case_id)
        self.closed.emit()

    def clear(self) -> None:
        """The vault is locking: forget everything shown and everything open."""
        self._close_dialogs()
        if self.services is not None:
            self.services.attachments.close_case(self.case_id)
        for tab in self._built.values():
            tab.clear()
        self.header.clear()
        self.recommendation.clear()
        self.recommendation.hide()
        self.services = None
        self.reference = ""
        self.setWindowTitle(self.tr("Locked"))  # Qt appends " — Casepath"
        self.tabs.setEnabled(False)
        self.tabs.hide()
        self.header.hide()
        self.action_bar.hide()
        self.locked_label.show()

    def _close_dialogs(self) -> None:
        for dialog in list(self._dialogs):
            dialog.reject()
        self._dialogs = []
