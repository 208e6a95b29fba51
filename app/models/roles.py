"""Item-data roles and case-list columns, named once for every model and view.

Sort and filter on these roles (native comparable values, domain records), never on the
display strings, which are for people and may be localised.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from app.domain.words import labels
from app.models.ui_formats import ui_formats

_USER = int(Qt.ItemDataRole.UserRole)

SortRole = _USER + 1  # a native comparable value (date, int, str) for sorting
RecordRole = _USER + 2  # the domain record or row dataclass behind the item
IdRole = _USER + 3  # the vault id (int) of the record behind the item
FlagsRole = _USER + 4  # tuple of app.domain.escalation.flags.Flag for a case row
KindRole = _USER + 5  # what kind of record an item is (timeline: "conversation", …)


class CaseColumn(IntEnum):
    """Columns of the case list, in display order."""

    REFERENCE = 0
    EMPLOYEE = 1
    DEPARTMENT = 2
    STAGE = 3
    TRACK = 4
    OWNER = 5
    NEXT_DUE = 6
    FLAGS = 7
    MATCHED = 8  # where a search hit matched (shown while searching)

    @property
    def title(self) -> str:
        return QCoreApplication.translate("CaseTableModel", _CASE_TITLES[self])

    @property
    def sort_key(self) -> str | None:
        """The SQL sort key (see the case service's ``SORT_KEYS``); None if not sortable."""
        return _CASE_SORT_KEYS.get(self)


_CASE_TITLES = {
    CaseColumn.REFERENCE: QT_TRANSLATE_NOOP("CaseTableModel", "Reference"),
    CaseColumn.EMPLOYEE: QT_TRANSLATE_NOOP("CaseTableModel", "Employee"),
    CaseColumn.DEPARTMENT: QT_TRANSLATE_NOOP("CaseTableModel", "Department"),
    CaseColumn.STAGE: QT_TRANSLATE_NOOP("CaseTableModel", "Stage"),
    CaseColumn.TRACK: QT_TRANSLATE_NOOP("CaseTableModel", "Track"),
    CaseColumn.OWNER: QT_TRANSLATE_NOOP("CaseTableModel", "Owner"),
    CaseColumn.NEXT_DUE: QT_TRANSLATE_NOOP("CaseTableModel", "Next deadline"),
    CaseColumn.FLAGS: QT_TRANSLATE_NOOP("CaseTableModel", "Flags"),
    CaseColumn.MATCHED: QT_TRANSLATE_NOOP("CaseTableModel", "Matched in"),
}

_CASE_SORT_KEYS = {
    CaseColumn.REFERENCE: "reference",
    CaseColumn.EMPLOYEE: "employee",
    CaseColumn.DEPARTMENT: "department",
    CaseColumn.STAGE: "stage",
    CaseColumn.TRACK: "track",
    CaseColumn.OWNER: "owner",
    CaseColumn.NEXT_DUE: "next_due_on",
}


def stage_label(stage: str) -> str:
    """``formal_concern`` → ``Formal concern`` (``Förmliche Beanstandung`` in German): how
    stage keys read in every view, in the interface language."""
    return labels.stage_label(stage, language=ui_formats().language) if stage else ""
