"""Preferences kept between runs: window geometry, the last vault *path*, auto-lock minutes,
the interface language.

Nothing confidential ever goes here (no names, no case text, no search terms): QSettings is a
plain file or registry entry outside the vault. Values are stored as plain types, never pickled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app.models.theme import Theme
from app.views.interface_language import SHIPPED, SYSTEM

ORGANISATION = "Casepath"
APPLICATION = "Casepath"
DEFAULT_AUTO_LOCK_MINUTES = 5
MIN_AUTO_LOCK_MINUTES = 1
MAX_AUTO_LOCK_MINUTES = 120
INTERFACE_LANGUAGES = (SYSTEM, *SHIPPED)  # SYSTEM ("") follows the system's language
MAX_ALARM_MINUTES = 7 * 24 * 60  # a week, as calendar_reminders (icalendar stays unimported)


class SettingsStore:
    """A typed wrapper over QSettings; pass one in (tests use a file in tmp_path)."""

    def __init__(self, settings: QSettings | None = None, remember_vault_path: bool = True) -> None:
        self._s = settings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )
        # False for a demo run: its temporary vault is remembered in memory only.
        self._remember_vault_path = remember_vault_path
        self._session_vault_path: Path | None = None

    @classmethod
    def in_file(cls, path: Path | str) -> SettingsStore:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # -- vaults ----------------------------------------------------------------------------
    @property
    def last_vault_path(self) -> Path | None:
        if not self._remember_vault_path:
            return self._session_vault_path
        value = self._s.value("vault/last_path", "", type=str)
        return Path(value) if value else None

    @last_vault_path.setter
    def last_vault_path(self, path: Path | str | None) -> None:
        if not self._remember_vault_path:
            self._session_vault_path = Path(path) if path else None
            return
        self._s.setValue("vault/last_path", str(path) if path else "")

    # -- preferences -----------------------------------------------------------------------
    @property
    def auto_lock_minutes(self) -> int:
        value = self._s.value("security/auto_lock_minutes", DEFAULT_AUTO_LOCK_MINUTES, type=int)
        return min(max(int(value), MIN_AUTO_LOCK_MINUTES), MAX_AUTO_LOCK_MINUTES)

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, minutes: int) -> None:
        if not MIN_AUTO_LOCK_MINUTES <= minutes <= MAX_AUTO_LOCK_MINUTES:
            raise ValueError(
                f"Choose between {MIN_AUTO_LOCK_MINUTES} and {MAX_AUTO_LOCK_MINUTES} minutes."
            )
        self._s.setValue("security/auto_lock_minutes", int(minutes))

    @property
    def interface_language(self) -> str:
        """ "" (follow the system), "en" or "de": a language code, nothing confidential."""
        value = self._s.value("interface/language", "", type=str)
        return value if value in INTERFACE_LANGUAGES else ""

    @interface_language.setter
    def interface_language(self, code: str) -> None:
        if code not in INTERFACE_LANGUAGES:
            raise ValueError(f"Unknown interface language {code!r}.")
        self._s.setValue("interface/language", code)

    @property
    def backup_folder(self) -> Path | None:
        """Where automatic backups go (a folder path only: nothing confidential)."""
        value = self._s.value("backup/folder", "", type=str)
        return Path(value) if value else None

    @backup_folder.setter
    def backup_folder(self, folder: Path | str | None) -> None:
        self._s.setValue("backup/folder", str(folder) if folder else "")

    @property
    def calendar_alarm_minutes(self) -> int | None:
        """Minutes before each .ics event its reminder alarm goes off; None: no alarm."""
        value = self._s.value("calendar/alarm_minutes", -1, type=int)
        return int(value) if 0 <= int(value) <= MAX_ALARM_MINUTES else None

    @calendar_alarm_minutes.setter
    def calendar_alarm_minutes(self, minutes: int | None) -> None:
        if minutes is not None and not 0 <= minutes <= MAX_ALARM_MINUTES:
            raise ValueError(f"Choose between 0 and {MAX_ALARM_MINUTES} minutes, or no alarm.")
        self._s.setValue("calendar/alarm_minutes", -1 if minutes is None else int(minutes))

    @property
    def calendar_reminders(self) -> bool:
        """Calendar exports also carry check-ins, stage deadlines and micro-goal due dates
        (neutral all-day entries); on unless the officer turned it off."""
        return bool(self._s.value("calendar/reminders", True, type=bool))

    @calendar_reminders.setter
    def calendar_reminders(self, on: bool) -> None:
        self._s.setValue("calendar/reminders", bool(on))

    @property
    def theme(self) -> Theme:
        """Light, Dark, High contrast, or (the default) whatever the system shows."""
        value = self._s.value("appearance/theme", Theme.SYSTEM.value, type=str)
        try:
            return Theme(value)
        except ValueError:
            return Theme.SYSTEM

    @theme.setter
    def theme(self, theme: Theme) -> None:
        self._s.setValue("appearance/theme", Theme(theme).value)

    @property
    def hidden_case_columns(self) -> list[str]:
        """Case-list columns the officer hid (column names, nothing about cases)."""
        value = self._s.value("caseList/hiddenColumns", "", type=str)
        return [name for name in value.split(",") if name]

    @hidden_case_columns.setter
    def hidden_case_columns(self, names: list[str]) -> None:
        self._s.setValue("caseList/hiddenColumns", ",".join(names))

    # -- geometry (by class name) -----------------------------------------------------------
    def geometry(self, name: str) -> QByteArray | None:
        return self._bytes(f"geometry/{name}")

    def set_geometry(self, name: str, data: QByteArray) -> None:
        self._s.setValue(f"geometry/{name}", data)

    def state(self, name: str) -> QByteArray | None:
        """Splitter, header or main-window state saved under ``name``."""
        return self._bytes(f"state/{name}")

    def set_state(self, name: str, data: QByteArray) -> None:
        self._s.setValue(f"state/{name}", data)

    def sync(self) -> None:
        self._s.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, bytes | bytearray) and value:
            return QByteArray(bytes(value))
        return None
