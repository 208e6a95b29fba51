"""Cell editors for the plan editor's tables: a date picker, a choice list, or plain text.

The model says what each column holds (`column_kind`); numbers are edited as text so '1,5',
'1.5' and blank (no value) all work, whatever the locale.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.models.plan_models import Kind

_Index = QModelIndex | QPersistentModelIndex


def _source(index: _Index) -> tuple[Any, _Index]:
    model = index.model()
    while hasattr(model, "mapToSource"):
        index = model.mapToSource(index)
        model = index.model()
    return model, index


class RecordEditDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        model, source = _source(index)
        column = model.column_kind(source.column())
        if column is not None and column.kind is Kind.DATE:
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
            return editor
        if column is not None and column.kind is Kind.CHOICE:
            combo = QComboBox(parent)
            for member in column.choices:
                combo.addItem(member.label, member.value)
            return combo
        return QLineEdit(parent)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit):
            editor.setDate(
                value if isinstance(value, QDate) and value.isValid() else QDate.currentDate()
            )
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
