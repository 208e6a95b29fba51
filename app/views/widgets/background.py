"""One way to run slow work (unlocking, packs, exports, imports) off the GUI thread.

The operation is a plain callable that never touches widgets; its result or its exception
comes back on the GUI thread through ``on_success`` / ``on_failure``. While it runs, the
parent shows a busy indicator: its own (if it implements ``show_busy``/``hide_busy``) or a
small progress dialog that appears only if the work takes longer than a moment.

Failures arrive as the exception object, so callers show ``str(exc)`` of a ``VaultError``
(written for users) and never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

SHOW_PROGRESS_AFTER_MS = 400


@runtime_checkable
class BusyHost(Protocol):
    """A widget with its own busy indicator (the unlock window's progress bar, a status bar)."""

    def show_busy(self, text: str) -> None: ...

    def hide_busy(self) -> None: ...


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits through it (queued across threads).

    Values travel boxed in a 1-tuple: PySide6 6.12 drops a reference to True/False each time
    a bare bool is emitted from Python, and a result may well be a bool.
    """

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            self._emit(self._relay.failed, (exc,))
        else:
            self._emit(self._relay.succeeded, (result,))
        finally:
            self._fn = None  # drop references (e.g. a passphrase in a closure) at once

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The requesting window was destroyed (e.g. locked) while we worked: drop it.
            log.debug("background result dropped: its window is gone")


class BackgroundOp(QObject):
    """One background operation; ``finished`` is emitted after either callback has run.

    The op is a child of ``parent`` and lives as long as it (it is small): deleting it on
    completion would pull it from under a caller still holding it. If the parent is destroyed
    first (the vault was locked), the result is dropped and no callback runs.
    """

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        busy_text: str = "",
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._widget = parent
        self._fn = fn
        self._on_success = on_success
        self._on_failure = on_failure
        self.busy_text = busy_text or self.tr("Working…")
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._progress: QProgressDialog | None = None
        self.running = False
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None

    def start(self) -> BackgroundOp:
        if self.running or self.done:
            raise RuntimeError("a BackgroundOp runs once; create a new one")
        self.running = True
        self._show_busy()
        fn, self._fn = self._fn, None
        self._pool.start(_Job(fn, self._relay))
        return self

    # -- results (GUI thread) --------------------------------------------------------------
    def _succeeded(self, boxed: tuple) -> None:
        result = boxed[0]
        self.result = result
        self._finish()
        if self._on_success is not None:
            self._on_success(result)
        self.finished.emit()

    def _failed(self, boxed: tuple) -> None:
        exc = boxed[0]
        self.error = exc
        self._finish()
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            log.error("background operation failed: %s", type(exc).__name__)
        self.finished.emit()

    def _finish(self) -> None:
        self.running = False
        self.done = True
        self._hide_busy()

    # -- busy indicator --------------------------------------------------------------------
    def _show_busy(self) -> None:
        if isinstance(self._widget, BusyHost):
            self._widget.show_busy(self.busy_text)
            return
        dialog = QProgressDialog(self.busy_text, "", 0, 0, self._widget)
        dialog.setCancelButton(None)
        dialog.setWindowTitle("Casepath")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self._progress = dialog

    def _hide_busy(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        elif isinstance(self._widget, BusyHost):
            self._widget.hide_busy()


def run_in_background(
    parent: QWidget,
    fn: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    busy_text: str = "",
) -> BackgroundOp:
    """Start ``fn()`` on the thread pool; callbacks run on the GUI thread. Returns the op."""
    return BackgroundOp(parent, fn, on_success, on_failure, busy_text).start()
