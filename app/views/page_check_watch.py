"""Runs the vault's full page check in the background right after unlock (issue 18).

Unlock checks only what is cheap; every page's HMAC is checked here, on a daemon thread with
the check's own connection (the vault layer's DeferredPageCheck), so the case list is up
while it reads the file. Damage makes the open vault read-only and shows the same banner a
damaged vault always showed.

Lock and quit cancel the check (`Vault.close` does): a result that arrives afterwards is
dropped under the check's lock, so nothing is emitted once the session is gone, and the
relay lives on the session controller, never on the window a lock deletes. A daemon thread,
not the thread pool, because the pool makes quitting wait for a 12 s check of a 4 GB vault.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


class PageCheckWatch(QObject):
    """One background page check for one unlocked session; `on_damage(report)` on damage."""

    # The report travels boxed in a 1-tuple (PySide6 6.12 leaks references to bare singletons).
    checked = Signal(object)

    def __init__(self, parent: QObject, services: Any, on_damage: Callable[[Any], None]) -> None:
        super().__init__(parent)
        self.setObjectName("page_check_watch")
        self._services = services
        self._check = getattr(services.vault, "page_check", None)
        self._on_damage = on_damage
        self.worker: threading.Thread | None = None
        self.done = False
        self.checked.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        # Whatever deletes this relay (a session dropped without a lock, a test's teardown)
        # also cancels the check, under the same lock the worker emits under: the worker then
        # never emits into a deleted object (which aborts the process, not raises).
        check = self._check
        if check is not None:
            self.destroyed.connect(lambda *_: check.cancel())

    def start(self) -> None:
        if self._check is None:
            self.done = True
            return
        self.worker = threading.Thread(target=self._work, name="casepath-page-check", daemon=True)
        self.worker.start()

    def _work(self) -> None:
        check = self._check
        try:
            report = check.run(background=True)  # low CPU and I/O priority on this thread
        except Exception as exc:  # noqa: BLE001 - never a traceback from a worker
            log.warning("background page check failed (%s)", type(exc).__name__)
            return
        try:  # under the check's lock: after cancel() (lock, quit) nothing is emitted
            check.report_if_live(self._emit, report)
        except RuntimeError:  # the relay is gone (the application is shutting down)
            log.debug("page check result dropped: its session is gone")

    def _emit(self, report: Any) -> None:
        if shiboken6.isValid(self):
            self.checked.emit((report,))

    def _arrived(self, boxed: tuple) -> None:
        report = boxed[0]
        self.done = True
        vault = self._services.vault
        if report is None or self._check.cancelled or not vault.is_open:
            return
        vault.mark_damaged(report)
        log.warning("background page check found damage; the vault is now read-only")
        self._on_damage(report)
