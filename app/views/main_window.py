"""The main window: the case list with its filters, 'needs attention today', and case tabs.

Kept small on purpose: the list, the panel and each case workspace are their own widgets.
The window never decides about locking; it asks (``lock_requested``) and the session
controller locks, calling ``clear()`` first so no case data outlives the unlock.
Its title names the vault file, never a person.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from app.models.theme import colour_css
from app.models.ui_formats import ui_error
from app.services.errors import VaultError
from app.views.audit.audit_window import audit_action
from app.views.backup import install_backup_actions
from app.views.backup.backup_actions import BackupActions
from app.views.calibration.calibration_window import calibration_action
from app.views.case.dialogs.new_case_dialog import NewCaseDialog
from app.views.case_list.attention_panel import AttentionPanel
from app.views.case_list.case_list_widget import CaseListWidget
from app.views.handover import install_handover_actions
from app.views.help_menu import install_help_menu
from app.views.preferences.preferences_dialog import PreferencesDialog
from app.views.privacy.retention_window import retention_action
from app.views.reviews.agenda_window import AgendaWindow, show_agenda
from app.views.settings_store import SettingsStore
from app.views.widgets.clipboard_guard import ClipboardGuard


def window_style() -> str:
    """The window's style sheet; its muted notes take their colour from the theme in use."""
    muted = colour_css("muted")
    return (
        "QLabel#panelHeading { font-size: 15px; font-weight: 600; padding: 2px 0 6px 0; }\n"
        f"QLabel#sectionNote {{ {muted} }}\n"
        f"QLabel#emptyNote {{ {muted} padding: 12px 4px; }}\n"
        "QStatusBar QLabel { padding: 0 8px; }\n"
    )


_PALETTE_EVENTS = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange)


class MainWindow(QMainWindow):
    lock_requested = Signal(str)
    quit_requested = Signal()
    auto_lock_changed = Signal(int)  # minutes

    def __init__(
        self,
        services: Any,
        settings: SettingsStore,
        clipboard_guard: ClipboardGuard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._settings = settings
        self.clipboard_guard = clipboard_guard or ClipboardGuard(self)
        self._closing_quietly = False
        self._stale = False
        self.employees_window: QWidget | None = None
        self.setObjectName("MainWindow")
        self.setStyleSheet(window_style())
        self.setWindowTitle(services.vault.path.name)  # Qt appends " — Casepath"

        self.case_list = CaseListWidget(services)
        self.attention = AttentionPanel(services)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("casesSplit")
        self.splitter.addWidget(self.case_list)
        self.splitter.addWidget(self.attention)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 270])

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.addTab(self.splitter, self.tr("Cases"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

        self.vault_label = QLabel(services.vault.path.name)
        self.shown_label = QLabel()
        self.lock_label = QLabel()
        self.statusBar().addWidget(self.vault_label)
        self.statusBar().addWidget(self.shown_label)
        self.statusBar().addPermanentWidget(self.lock_label)
        self.set_lock_state(settings.auto_lock_minutes)
        self.case_list.shown_changed.connect(self._show_count)
        self._show_count(self.case_list.model.total)

        self.case_list.case_activated.connect(self.open_case)
        self.case_list.new_case_requested.connect(lambda: self.new_case())
        self.attention.case_activated.connect(self.open_case)
        self._build_actions()
        self._build_menus()
        self.resize(1280, 780)
        self._restore_layout()

    # -- actions and menus ---------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | str | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_case_action = self._action(
            self.tr("&New case…"),
            self.new_case,
            QKeySequence.StandardKey.New,
            "newCaseAction",
        )
        self.new_case_action.setToolTip(self.tr("Open a case for an employee (Ctrl+N)"))
        self.find_action = self._action(
            self.tr("&Find"),
            self.focus_search,
            QKeySequence.StandardKey.Find,
            "findAction",
        )
        self.lock_action = self._action(
            self.tr("&Lock"),
            lambda: self.lock_requested.emit("request"),
            "Ctrl+L",
            "lockAction",
        )
        self.refresh_action = self._action(
            self.tr("&Refresh"), self.refresh_everything, "F5", "refreshAction"
        )
        # The only Ctrl+W binding (the workspace and its tab tooltips point here).
        self.close_tab_action = self._action(
            self.tr("&Close case view"), self.close_current_tab, "Ctrl+W", "closeTabAction"
        )
        self.preferences_action = self._action(
            self.tr("&Preferences…"), self.show_preferences, None, "preferencesAction"
        )
        self.officers_action = self._action(
            self.tr("&Officers…"), self.show_officers, None, "officersAction"
        )
        self.policy_action = self._action(
            self.tr("E&scalation policy…"), self.show_policy, None, "policyAction"
        )
        self.policy_action.setToolTip(self.tr("The stages, roles and deadlines cases follow"))
        self.quit_action = self._action(
            self.tr("&Quit"),
            self.quit_requested.emit,
            QKeySequence.StandardKey.Quit,
            "quitAction",
        )
        self.employees_action = self._action(
            self.tr("&Employees"), self.show_employees, "Ctrl+E", "employeesAction"
        )
        self.cases_action = self._action(
            self.tr("&Cases"),
            lambda: self.tabs.setCurrentIndex(0),
            "Ctrl+1",
            "casesAction",
        )
        self.agenda_action = self._action(
            self.tr("&Agenda"), lambda: show_agenda(self), "Ctrl+G", "agendaAction"
        )

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (
            self.new_case_action,
            self.close_tab_action,
            None,
            self.lock_action,
            self.preferences_action,
            self.officers_action,
            self.policy_action,
            None,
        ):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        # Back up now, Restore from backup…, Backup folder… and the last-backup status label.
        self.backup_actions = install_backup_actions(
            self, file_menu, lambda: self.services, self._settings
        )
        file_menu.addSeparator()
        # Hand cases over to another vault, import a bundle or an acknowledgement.
        self.handover_actions = install_handover_actions(self, file_menu, lambda: self.services)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu.addAction(self.cases_action)
        self.view_menu.addAction(self.employees_action)
        # Later features add their windows here, one line each (Agenda, Documents, …):
        self.view_menu.addAction(self.agenda_action)
        self.view_menu.addAction(calibration_action(self))
        self.view_menu.addAction(audit_action(self))
        self.view_menu.addMenu(self.case_list.columns_menu)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.find_action)
        self.view_menu.addAction(self.refresh_action)
        self.records_menu = self.menuBar().addMenu(self.tr("&Records"))
        self.records_menu.addAction(retention_action(self))
        self.help_menu = install_help_menu(self)
        self.toolbar = self.addToolBar(self.tr("Main"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_case_action, self.find_action, self.refresh_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.lock_action)

    # -- cases ---------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.case_list.filter_bar.focus_search()

    def new_case(self) -> NewCaseDialog | None:
        if self.services is None:
            return None
        dialog = NewCaseDialog(self.services, self, self._settings)

        def finished(result: int) -> None:
            if result and dialog.created is not None and self.services is not None:
                self.refresh()
                self.open_case(dialog.created.id)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def open_case(self, case_id: int) -> QWidget | None:
        """Show the case's workspace in a tab (the existing tab if it is open already)."""
        for i in range(1, self.tabs.count()):
            if getattr(self.tabs.widget(i), "case_id", None) == case_id:
                self.tabs.setCurrentIndex(i)
                return self.tabs.widget(i)
        from app.views.case.case_workspace import CaseWorkspace  # the workspace is heavy: on demand

        try:
            reference = self.services.cases.get(case_id).reference
            workspace = CaseWorkspace(self.services, case_id, self)
        except VaultError as exc:
            QMessageBox.warning(self, "Casepath", ui_error(exc))
            return None
        workspace.case_id = case_id
        self.services.reads.case_opened(case_id)  # who opened which case, when: audited
        workspace.closed.connect(lambda w=workspace: self._remove_tab(w))
        workspace.changed.connect(self._case_changed)
        index = self.tabs.addTab(workspace, reference)
        self.tabs.setTabToolTip(
            index, self.tr("Case %1 (Ctrl+W closes this view)").replace("%1", reference)
        )
        self.tabs.setCurrentIndex(index)
        return workspace

    def workspaces(self) -> list[QWidget]:
        return [self.tabs.widget(i) for i in range(1, self.tabs.count())]

    def close_current_tab(self) -> None:
        if self.tabs.currentIndex() > 0:
            self.close_tab(self.tabs.currentIndex())

    def close_tab(self, index: int) -> None:
        """Close a case view the way its own button does (its file copies go with it)."""
        if index > 0:
            widget = self.tabs.widget(index)
            close_case = getattr(widget, "close_case", None)
            if close_case is not None:
                close_case()  # emits `closed`, which removes the tab
            self._remove_tab(widget)

    def _case_changed(self, case_id: int) -> None:
        self._stale = True  # the list re-reads when it is shown again
        agenda = self.findChild(AgendaWindow)
        if agenda is not None and agenda.services is not None:
            agenda.refresh()  # an open agenda must not list a cancelled or recorded review

    def _remove_tab(self, widget: QWidget) -> None:
        index = self.tabs.indexOf(widget)
        if index <= 0:
            return
        self.tabs.removeTab(index)
        widget.close()  # a workspace removes its attachment temp files when it closes
        widget.deleteLater()

    def _tab_changed(self, index: int) -> None:
        if index == 0 and self._stale and self.services is not None:
            self.refresh()  # a workspace moved a case or its deadline

    def refresh(self) -> None:
        if self.services is None:
            return
        self._stale = False
        self.case_list.refresh()
        self.attention.refresh()

    def show_vault_damage(self) -> None:
        """The background page check found damage: the read-only banner, as at open."""
        actions = self.findChild(BackupActions, "backup_actions")
        if actions is not None:
            actions.refresh_status()

    def refresh_everything(self) -> None:
        """F5: re-read the list, the attention panel and every open case from the vault."""
        if self.services is None:
            return
        self.refresh()
        for workspace in self.workspaces():
            refresh = getattr(workspace, "refresh", None)
            if refresh is not None:
                refresh()
        self.statusBar().showMessage(self.tr("Re-read from the vault."), 3000)

    def _show_count(self, total: int) -> None:
        self.shown_label.setText(self.tr("%n cases shown", "", total))

    def set_lock_state(self, minutes: int) -> None:
        self.lock_label.setText(
            self.tr("Unlocked · locks after %n min idle (Ctrl+L locks now)", "", minutes)
        )

    # -- other windows -------------------------------------------------------------------------
    def show_employees(self) -> None:
        if self.employees_window is None:
            from app.views.employees.employees_window import EmployeesWindow

            self.employees_window = EmployeesWindow(self.services, self)
            self.employees_window.setWindowFlag(Qt.WindowType.Window, True)
            self.employees_window.changed.connect(self._employees_changed)
        self.employees_window.show()
        self.employees_window.raise_()
        self.employees_window.activateWindow()

    def drop_erased_cases(self) -> None:
        """Close the views of cases that an erasure removed (their records are gone)."""
        for widget in self.workspaces():
            case_id = getattr(widget, "case_id", None)
            if case_id is not None and not self.services.cases.exists_id(case_id):
                self._remove_tab(widget)

    def _employees_changed(self) -> None:
        """A renamed or moved employee: the list, the panel and open case headers re-read."""
        if self.services is None:
            return
        self.drop_erased_cases()
        self.refresh()
        for workspace in self.workspaces():
            refresh = getattr(workspace, "refresh", None)
            if refresh is not None:
                refresh()

    @property
    def settings_store(self) -> SettingsStore:
        """The preferences every window under this one reads (e.g. the calendar alarm)."""
        return self._settings

    def show_preferences(self) -> PreferencesDialog:
        templates = self.services.templates if self.services is not None else None
        dialog = PreferencesDialog(
            self._settings,
            self,
            vault_settings=getattr(self.services, "vault_settings", None),
            templates=templates,
        )
        theme = self._settings.theme

        def finished(result: int) -> None:
            if result:
                minutes = self._settings.auto_lock_minutes
                self.set_lock_state(minutes)
                self.auto_lock_changed.emit(minutes)
                if self._settings.theme != theme:
                    self.refresh_everything()  # headers and chips take the new colours
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def show_officers(self) -> QWidget | None:
        """The officers who work in this vault: add one, retire one (every event names one)."""
        if self.services is None:
            return None
        from app.services.people.officer_service import OfficerService
        from app.views.preferences.officers_dialog import OfficersDialog

        dialog = OfficersDialog(OfficerService(self.services.vault, self.services.clock), self)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def show_policy(self) -> QWidget | None:
        """The escalation policy in words; a new version can be imported from a file."""
        if self.services is None:
            return None
        from app.views.preferences.policy_window import PolicyWindow

        dialog = PolicyWindow(self.services, self)
        dialog.policy_changed.connect(self.refresh)  # a renamed stage reaches the filters
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    # -- lock and close ------------------------------------------------------------------------
    def clear(self) -> None:
        """Blank everything that shows case data (before the vault closes on lock)."""
        self.services = None  # first: closing tabs must not trigger a refresh
        for widget in self.workspaces():
            clear = getattr(widget, "clear", None)
            if clear is not None:
                clear()
            self._remove_tab(widget)
        # Every window opened from here (employees, agenda, later documents): blank, close.
        for child in self.findChildren(QWidget):
            if child.isWindow() and not isinstance(child, QMenu):
                clear_child = getattr(child, "clear", None)
                if callable(clear_child):
                    clear_child()
                child.close()
                child.deleteLater()
        self.employees_window = None
        self.case_list.clear()
        self.attention.clear()
        self.shown_label.clear()
        self.lock_label.setText(self.tr("Locked"))

    def close_quietly(self) -> None:
        """Close without asking to quit (the session controller is locking)."""
        self._closing_quietly = True
        self.close()

    def _restore_layout(self) -> None:
        geometry = self._settings.geometry("MainWindow")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self._settings.state("MainWindow/casesSplit")
        if state is not None:
            self.splitter.restoreState(state)
        header = self._settings.state("MainWindow/caseColumns")
        if header is not None:
            self.case_list.table.horizontalHeader().restoreState(header)
        self.case_list.set_hidden_columns(self._settings.hidden_case_columns)
        self.case_list.columns_changed.connect(self._save_columns)

    def _save_columns(self) -> None:
        self._settings.hidden_case_columns = self.case_list.hidden_columns()

    def save_layout(self) -> None:
        self._settings.set_geometry("MainWindow", self.saveGeometry())
        self._settings.set_state("MainWindow/casesSplit", self.splitter.saveState())
        header = self.case_list.table.horizontalHeader()
        self._settings.set_state("MainWindow/caseColumns", header.saveState())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _PALETTE_EVENTS:  # a theme was chosen
            style = window_style()
            if style != self.styleSheet():
                self.setStyleSheet(style)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
        if not self._closing_quietly:
            self.quit_requested.emit()
