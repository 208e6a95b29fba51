"""The dialog every Casepath dialog derives from: it remembers its size and splitters.

Geometry and the state of each named ``QSplitter`` child are saved under the class name when
the dialog closes and restored the first time it is shown, so subclasses build their layout
freely in ``__init__`` after calling ``super().__init__``.
"""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QSplitter, QWidget

from app.views.settings_store import SettingsStore
from app.views.widgets.accessible_names import name_form_fields


class BaseDialog(QDialog):
    def __init__(
        self, parent: QWidget | None = None, settings: SettingsStore | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings if settings is not None else SettingsStore()
        self._restored = False

    @property
    def settings_key(self) -> str:
        return type(self).__name__

    def showEvent(self, event: QShowEvent) -> None:
        if not self._restored:
            self._restored = True
            self.restore_layout()
            name_form_fields(self)  # every form field announced by its label's words
        super().showEvent(event)

    def done(self, result: int) -> None:
        self.save_layout()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)

    def restore_layout(self) -> None:
        geometry = self._settings.geometry(self.settings_key)
        if geometry is not None:
            self.restoreGeometry(geometry)
        for splitter in self._named_splitters():
            state = self._settings.state(f"{self.settings_key}/{splitter.objectName()}")
            if state is not None:
                splitter.restoreState(state)

    def save_layout(self) -> None:
        if not self._restored:
            return  # never shown: keep what was saved before
        self._settings.set_geometry(self.settings_key, self.saveGeometry())
        for splitter in self._named_splitters():
            self._settings.set_state(
                f"{self.settings_key}/{splitter.objectName()}", splitter.saveState()
            )

    def _named_splitters(self) -> list[QSplitter]:
        """Splitters need an objectName to be remembered (names keep keys stable)."""
        return [s for s in self.findChildren(QSplitter) if s.objectName()]
