"""No widget or model of ours hides a Qt member behind a Python attribute or method.

`IndicatorDialog.metric` (a QLineEdit) hid `QPaintDevice.metric()`, which Qt calls while painting:
New indicator… crashed the whole application. `CaseWorkspace.actions` hid `QWidget.actions()`.
The test reads every class in app/views and app/models, collects the names it assigns on
``self`` and the methods it defines, and fails on any that a Qt base class already has —
except the virtual methods a subclass is meant to override, listed below.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap

import pytest
from PySide6.QtCore import QObject

import app.models
import app.views

# Qt virtuals (and slots) our classes override on purpose, with Qt's own signature.
OVERRIDES = {
    "accept",
    "reject",
    "done",
    "open",
    "exec",
    "closeEvent",
    "showEvent",
    "hideEvent",
    "keyPressEvent",
    "keyReleaseEvent",
    "mousePressEvent",
    "mouseDoubleClickEvent",
    "event",
    "eventFilter",
    "changeEvent",
    "resizeEvent",
    "paintEvent",
    "focusInEvent",
    "focusOutEvent",
    "contextMenuEvent",
    "timerEvent",
    "wheelEvent",
    "sizeHint",
    "minimumSizeHint",
    "rowCount",
    "columnCount",
    "data",
    "setData",
    "headerData",
    "flags",
    "index",
    "parent",
    "canFetchMore",
    "fetchMore",
    "sort",
    "roleNames",
    "mimeData",
    "mimeTypes",
    "hasChildren",
    "filterAcceptsRow",
    "filterAcceptsColumn",
    "lessThan",
    "paint",
    "createEditor",
    "setEditorData",
    "setModelData",
    "updateEditorGeometry",
    "displayText",
    "initStyleOption",
    "validate",
    "fixup",
    "run",
    "textFromValue",
    "valueFromText",
    "stepBy",
    "stepEnabled",
    "nextPage",
    "sizeFromContents",
    "setVisible",
    "setEnabled",
    "setModel",
    "setSourceModel",
    "clear",
    "supportedDropActions",
    "removeRows",
    "insertRows",
}


def _modules() -> list:
    found = []
    for package in (app.views, app.models):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            found.append(importlib.import_module(info.name))
    return found


def _qt_classes() -> list[type]:
    classes = []
    for module in _modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, QObject):
                classes.append(cls)
    return classes


def _qt_members(cls: type) -> set[str]:
    names: set[str] = set()
    for base in cls.__mro__:
        if base.__module__.startswith(("PySide6", "shiboken6")):
            names.update(vars(base))
    return names


def _own_names(cls: type) -> dict[str, str]:
    """Instance attributes assigned on self, and methods defined, with how they were found."""
    return _names_in_source(textwrap.dedent(inspect.getsource(cls)))


def _names_in_source(source: str) -> dict[str, str]:
    tree = ast.parse(source)
    names: dict[str, str] = {}
    class_node = tree.body[0]
    for node in class_node.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.setdefault(node.name, "method")
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    names.setdefault(t.id, "class attribute")
    for node in ast.walk(class_node):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        for t in targets:
            if (
                isinstance(t, ast.Attribute)
                and isinstance(t.value, ast.Name)
                and t.value.id == "self"
            ):
                names[t.attr] = "attribute on self"
    return names


def test_the_scan_sees_our_widgets():
    classes = {cls.__name__ for cls in _qt_classes()}
    assert {"MainWindow", "CaseWorkspace", "IndicatorDialog", "DocumentsTab"} <= classes


@pytest.mark.parametrize("cls", _qt_classes(), ids=lambda c: f"{c.__module__}.{c.__name__}")
def test_no_qt_member_is_shadowed(cls):
    qt = _qt_members(cls)
    clashes = []
    for name, how in _own_names(cls).items():
        if name.startswith("__") or name not in qt:
            continue
        if how == "method" and name in OVERRIDES:
            continue
        clashes.append(f"{name} ({how})")
    assert not clashes, f"{cls.__name__} shadows Qt members: {', '.join(clashes)}"


def test_a_planted_shadow_is_caught():
    from PySide6.QtWidgets import QDialog

    source = "class Planted(QDialog):\n    def __init__(self):\n        self.metric = 1\n"
    own = _names_in_source(source)
    assert own["metric"] == "attribute on self"
    assert "metric" in _qt_members(QDialog) and "metric" not in OVERRIDES
