"""When to lock: after inactivity, on request (Ctrl+L) and when the system suspends.

``AutoLock`` only decides; it emits ``lock_requested(reason)`` and the session controller
does the locking. Time comes from an injectable ``now`` (monotonic seconds), so tests move a
fake clock instead of waiting five minutes; ``check()`` is what the periodic timer calls.

Input is noticed with one application-wide event filter that only records a timestamp for
keyboard, mouse, wheel and touch events (cheap; everything else passes straight through).
The same filter sees Ctrl+L typed in any window, including a modal dialog that blocks the
main window's own shortcut.
Suspend is noticed through ``QGuiApplication.applicationStateChanged`` (mobile/macOS report
``ApplicationSuspended``) and, on Linux desktops, logind's ``PrepareForSleep`` and the
session's screen-saver ``ActiveChanged`` signals over D-Bus when those services exist.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import (
    SLOT,
    QCoreApplication,
    QEvent,
    QKeyCombination,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 10_000
LOCK_KEY = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_L)

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.ShortcutOverride,
    }
)


class AutoLock(QObject):
    lock_requested = Signal(str)  # "inactivity", "suspend", "screen locked"

    def __init__(
        self,
        minutes: int,
        parent: QObject | None = None,
        now: Callable[[], float] = time.monotonic,
        check_every_ms: int = CHECK_EVERY_MS,
        watch_system: bool = True,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._timeout = float(minutes * 60)
        self._last_input = now()
        self.armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_every_ms)
        self._timer.timeout.connect(self.check)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.connect(self._state_changed)
        self.system_watch = _SystemSleepWatch(self) if watch_system else None
        if self.system_watch is not None:
            self.system_watch.sleeping.connect(self._system_event)

    # -- configuration ---------------------------------------------------------------------
    @property
    def minutes(self) -> float:
        return self._timeout / 60

    def set_minutes(self, minutes: int) -> None:
        self._timeout = float(minutes * 60)

    def arm(self) -> None:
        """Start watching (after an unlock): inactivity counts from now."""
        self._last_input = self._now()
        self.armed = True
        self._timer.start()

    def disarm(self) -> None:
        self.armed = False
        self._timer.stop()

    def seconds_left(self) -> float:
        return max(0.0, self._timeout - (self._now() - self._last_input))

    # -- what happens ----------------------------------------------------------------------
    def note_activity(self) -> None:
        self._last_input = self._now()

    def check(self) -> bool:
        """Request a lock if the inactivity limit has passed; returns whether it did."""
        if self.armed and self._now() - self._last_input >= self._timeout:
            self._request("inactivity")
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT_EVENTS:
            self._last_input = self._now()
            if kind == QEvent.Type.KeyPress and self.armed and event.keyCombination() == LOCK_KEY:  # type: ignore[attr-defined]
                self._request("request")
                return True
        return False

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._request("suspend")

    def _system_event(self, reason: str) -> None:
        self._request(reason)

    def _request(self, reason: str) -> None:
        if not self.armed:
            return
        self.disarm()
        self.lock_requested.emit(reason)

    def shutdown(self) -> None:
        self.disarm()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class _SystemSleepWatch(QObject):
    """Linux: logind PrepareForSleep(true) and the screen saver turning on, via D-Bus."""

    sleeping = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connected: list[str] = []
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a build without QtDBus (Windows, macOS wheels)
            return
        system = QDBusConnection.systemBus()
        if system.isConnected() and system.connect(
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
            self,
            SLOT("prepare_for_sleep(bool)"),
        ):
            self.connected.append("logind")
        session = QDBusConnection.sessionBus()
        if session.isConnected() and session.connect(
            "",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            "ActiveChanged",
            self,
            SLOT("screen_saver_changed(bool)"),
        ):
            self.connected.append("screensaver")
        log.debug("suspend watch: %s", ", ".join(self.connected) or "none available")

    @Slot(bool)
    def prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self.sleeping.emit("suspend")

    @Slot(bool)
    def screen_saver_changed(self, active: bool) -> None:
        if active:
            self.sleeping.emit("screen locked")
