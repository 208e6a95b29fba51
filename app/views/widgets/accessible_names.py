"""Give every field of a form the name its label shows, so a screen reader announces it.

A `QFormLayout` row added with a text label names the field only when the field widget is the
label's buddy; forms here often wrap the field in a holder (a field with its problem line, a
path with its "Choose…" button), which left the real field nameless and the label's mnemonic
pointing nowhere. `name_form_fields` points each label at the first widget of its row that
takes keyboard focus and copies the label's words into that widget's accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QWidget,
)

_COMPOUND = (QAbstractSpinBox, QComboBox)  # their inner line edit is not a field of its own


def _takes_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def _first_focusable(item: QLayoutItem | None) -> QWidget | None:
    if item is None:
        return None
    widget = item.widget()
    if widget is not None:
        if _takes_focus(widget):
            return widget
        if widget.focusProxy() is not None:
            return widget.focusProxy()
        for child in widget.findChildren(QWidget):
            if _takes_focus(child) and not isinstance(child.parentWidget(), _COMPOUND):
                return child
        return None
    layout = item.layout()
    if isinstance(layout, QLayout):
        for i in range(layout.count()):
            found = _first_focusable(layout.itemAt(i))
            if found is not None:
                return found
    return None


def words_of(label: QLabel) -> str:
    """A label's text as a name: no mnemonic ampersand, no trailing colon, no markup."""
    text = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if "<" in text and ">" in text:  # a rich-text label
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.strip().rstrip(":").strip()


def name_form_fields(root: QWidget) -> None:
    """Point every form label at its field and name the field after it (idempotent)."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = label_item.widget() if label_item is not None else None
            if not isinstance(label, QLabel):
                continue
            target = _first_focusable(form.itemAt(row, QFormLayout.ItemRole.FieldRole))
            if target is None:
                continue
            buddy = label.buddy()
            if buddy is None or not _takes_focus(buddy):
                label.setBuddy(target)
            if not target.accessibleName() and words_of(label):
                target.setAccessibleName(words_of(label))
