"""Pieces the review forms share: a form layout, a titled section, a short text box."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QPlainTextEdit


def short_text(placeholder: str, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height + 24)
    return edit


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    return form


def section(title: str, *forms: QFormLayout) -> QGroupBox:
    """A titled section of a review form: its forms side by side, fields and messages inside."""
    group = QGroupBox(title)
    row = QHBoxLayout(group)
    for i, form in enumerate(forms):
        row.addLayout(form, 1 if i == 0 and len(forms) == 1 else i + 1)
    return group
