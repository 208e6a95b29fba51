"""Helpers that let a journey act as a person does, and remember what it walked.

`trigger(window, "newCaseAction")` finds the action by objectName, checks a person could reach
it (it sits in a visible menu or toolbar, is enabled) and triggers it. `click(qtbot, button)`
clicks a real button. `dialog(qtbot, parent, Class)` waits for the dialog the previous step
opened and for it to be exposed on screen. Each records what it walked, so
test_zz_every_action_walked.py can fail when an action or dialog has no journey.
"""

from __future__ import annotations

import json
import os
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QTabWidget, QToolBar, QWidget

WALKED_ACTIONS: set[str] = set()
WALKED_DIALOGS: set[str] = set()
RECORD_FILE = "CASEPATH_JOURNEY_RECORD"  # set: the walked names are also written there

T = TypeVar("T")


def _save() -> None:
    path = os.environ.get(RECORD_FILE)
    if path:
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"actions": sorted(WALKED_ACTIONS), "dialogs": sorted(WALKED_DIALOGS)}, f)


def reachable(action: QAction) -> bool:
    """In a menu or toolbar a person can open (or bound to a key), and enabled."""
    if not action.isEnabled() or not action.isVisible():
        return False
    holders = [w for w in action.associatedObjects() if isinstance(w, QMenu | QToolBar)]
    return bool(holders) or not action.shortcut().isEmpty()


def find_action(window: QWidget, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, f"no action named {name!r}"
    return action


def trigger(window: QWidget, name: str) -> QAction:
    action = find_action(window, name)
    assert reachable(action), f"{name} cannot be reached from a menu, toolbar or key"
    WALKED_ACTIONS.add(name)
    _save()
    action.trigger()
    return action


def click(qtbot: Any, button: QWidget) -> None:
    """Click a real button; a tool button's action counts as walked."""
    assert button.isVisible() and button.isEnabled(), f"{button.objectName() or button} is off"
    action = button.defaultAction() if hasattr(button, "defaultAction") else None
    if action is not None and action.objectName():
        WALKED_ACTIONS.add(action.objectName())
        _save()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def dialog(qtbot: Any, parent: QWidget | None, cls: type[T], timeout: int = 5000) -> T:
    """The newest visible `cls` under `parent` (or anywhere), once it is exposed."""
    found: list = []

    def shown() -> bool:
        pool = parent.findChildren(cls) if parent is not None else []
        pool += [w for w in QApplication.topLevelWidgets() if isinstance(w, cls)]
        found[:] = [w for w in pool if w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=timeout)
    widget = found[-1]
    qtbot.waitExposed(widget)
    seen(widget)
    return widget


def seen(widget: QWidget) -> None:
    WALKED_DIALOGS.add(type(widget).__name__)
    _save()


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type as a person would; QTest types ASCII only, so other text arrives as an input
    method delivers it (inserted)."""
    widget.setFocus()
    if text.isascii() and "\n" not in text:
        qtbot.keyClicks(widget, text)
    elif hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def answer_modal(cls: type, check: Any) -> None:
    """Run ``check(widget)`` on the next visible `cls` (QInputDialog.getText, QMessageBox.exec
    …) once it is up: those block, so the answer must be queued before the click."""
    from PySide6.QtCore import QTimer

    def look() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
        if not found:
            QTimer.singleShot(10, look)
            return
        seen(found[-1])
        check(found[-1])

    QTimer.singleShot(0, look)


def click_line(qtbot: Any, view: QAbstractItemView, index: Any) -> None:
    """Click one line of a list or tree (the plan outline …) as a person does."""
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid(), "the line is not on screen"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex() == index


def show_tab_of(widget: QWidget) -> None:
    """Bring the tab that holds ``widget`` to the front, as a person clicks its tab."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget):
            for i in range(parent.count()):
                page = parent.widget(i)
                if page is widget or page.isAncestorOf(widget):
                    parent.setCurrentIndex(i)
        parent = parent.parentWidget()
