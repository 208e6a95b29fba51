"""Every dialog can be used without a mouse and with a screen reader.

For each dialog or window class in app/views that can be built from what a vault holds (the
constructor's parameters are filled by name from the demo vault), the dialog is shown, its
focus chain walked with ``nextInFocusChain`` from the first focus widget, and every widget a
Tab reaches must have a name a screen reader announces: its accessible name, its own text
(buttons, check boxes) or a label whose buddy it is — what ``QAccessible`` reports as the name.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QTabWidget,
    QWidget,
)

import app.views
from app.services.cases.conversation_prompts import default_prompts
from app.services.demo import build_demo
from app.services.people.officer_service import OfficerService
from app.views.main_window import MainWindow
from app.views.settings_store import SettingsStore
from tests.conftest import TODAY

ABSTRACT = {"BaseDialog", "RecordDialog", "_CaseRecordDialog"}
MIN_WALKED = 30  # the walk must really reach the dialogs (32 classes were built)


def dialog_classes() -> list[type]:
    found = {}
    for info in pkgutil.walk_packages(app.views.__path__, "app.views."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or name in ABSTRACT:
                continue
            if issubclass(cls, QWidget) and (issubclass(cls, QDialog) or name.endswith("Window")):
                found[name] = cls
    return [found[n] for n in sorted(found)]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from app.domain.clock import FixedClock

    path = tmp_path_factory.mktemp("demo") / "demo.casepath"
    services = build_demo(path, clock=FixedClock(TODAY))
    yield services
    services.close()


def _arguments(demo: Any, window: MainWindow, settings: SettingsStore) -> dict[str, Any]:
    """What each constructor parameter name means, from the demo vault."""
    cases = demo.cases.all()
    with_plan = next(c for c in cases if demo.plans.active(c.id) is not None)
    reviewed = next(c for c in cases if demo.reviews.for_case(c.id))
    excepted = next(c for c in cases if demo.escalation.exceptions(c.id))
    return {
        "services": demo,
        "case_id": with_plan.id,
        "plan": demo.plans.active(with_plan.id),
        "review": demo.reviews.for_case(reviewed.id)[0],
        "exception": demo.escalation.exceptions(excepted.id)[0],
        "prompts": default_prompts(),
        "officers": OfficerService(demo.vault, demo.clock),
        "settings": settings,
        "window": window,
        "parent": window,
        "references": cases[0].reference,
        "key": "AGE-SECRET-KEY-1EXAMPLE",
        "today": TODAY,
        "title": "Record",
        "opener": lambda *a: None,
        "creator": lambda *a: None,
        "clipboard_guard": None,
    }


def _build(cls: type, known: dict[str, Any]) -> QWidget | None:
    kwargs = {}
    for name, param in list(inspect.signature(cls.__init__).parameters.items())[1:]:
        if name in known:
            kwargs[name] = known[name]
        elif param.default is inspect.Parameter.empty:
            return None  # cannot build it from what a vault holds
    return cls(**kwargs)


def announced_name(widget: QWidget) -> str:
    """What a screen reader announces for ``widget`` (a label's buddy counts)."""
    target = widget
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox):  # the editor inside a spin/combo box
        target = parent
    face = QAccessible.queryAccessibleInterface(target)
    name = face.text(QAccessible.Text.Name) if face is not None else ""
    return (name or target.accessibleName() or "").strip()


def unnamed_in_focus_chain(dialog: QWidget) -> list[str]:
    start = dialog.focusWidget() or dialog.nextInFocusChain()
    widget, seen, bad = start, set(), []
    while widget is not None and id(widget) not in seen:
        seen.add(id(widget))
        reachable = (
            dialog.isAncestorOf(widget)
            and widget.isVisibleTo(dialog)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        )
        if reachable and not announced_name(widget):
            bad.append(f"{type(widget).__name__} {widget.objectName() or '(no objectName)'}")
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return bad


def test_every_focusable_widget_of_every_dialog_has_a_name(qtbot, demo, tmp_path):
    settings = SettingsStore.in_file(tmp_path / "settings.ini")
    window = MainWindow(demo, settings)
    qtbot.addWidget(window)
    known = _arguments(demo, window, settings)
    walked, problems, unbuilt = [], {}, []
    for cls in dialog_classes():
        dialog = _build(cls, known)
        if dialog is None:
            unbuilt.append(cls.__name__)
            continue
        if dialog is not window:
            qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        bad = unnamed_in_focus_chain(dialog)
        if bad:
            problems[cls.__name__] = bad
        walked.append(cls.__name__)
        if dialog is not window:
            dialog.close()
    assert len(walked) >= MIN_WALKED, f"only {walked} could be built; not {unbuilt}"
    assert not problems, "focusable widgets without a name:\n" + "\n".join(
        f"  {name}: {', '.join(items)}" for name, items in problems.items()
    )


def test_the_walk_finds_an_unnamed_field(qtbot):
    from PySide6.QtWidgets import QFormLayout, QLineEdit

    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    form.addRow("Named by its label", QLineEdit(objectName="labelled"))
    form.addRow(QLineEdit(objectName="bare"))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed_in_focus_chain(dialog) == ["QLineEdit bare"]


def test_every_tab_of_a_case_workspace_names_its_controls(qtbot, demo, tmp_path):
    window = MainWindow(demo, SettingsStore.in_file(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    busy = next(c for c in demo.cases.all() if demo.plans.active(c.id) is not None)
    workspace = window.open_case(busy.id)
    tabs = workspace.findChild(QTabWidget)
    problems = {}
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        qtbot.wait(1)
        bad = unnamed_in_focus_chain(window)
        if bad:
            problems[tabs.tabText(i)] = bad
    assert tabs.count() >= 5
    assert not problems, f"focusable widgets without a name: {problems}"


def _mnemonic(text: str) -> str | None:
    stripped = text.replace("&&", "")
    at = stripped.find("&")
    return stripped[at + 1].lower() if 0 <= at < len(stripped) - 1 else None


def test_main_actions_and_case_buttons_have_distinct_mnemonics(qtbot, demo, tmp_path):
    window = MainWindow(demo, SettingsStore.in_file(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    for menu in (a.menu() for a in window.menuBar().actions()):
        texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.text()]
        keys = [_mnemonic(t) for t in texts]
        assert None not in keys, f"{menu.title()}: {texts}"
        assert len(set(keys)) == len(keys), f"{menu.title()} repeats a mnemonic: {texts}"
    workspace = window.open_case(demo.cases.all()[0].id)
    buttons = [
        workspace.advance_button,
        workspace.exception_button,
        workspace.track_button,
        workspace.status_button,
        workspace.close_button,
    ]
    keys = [_mnemonic(b.text()) for b in buttons]
    bar = {_mnemonic(a.text()) for a in window.menuBar().actions()}
    assert None not in keys and len(set(keys)) == len(keys)
    assert not bar & set(keys), "a case button's Alt key would open a menu instead"


def _chain(dialog: QWidget) -> list[QWidget]:
    start = dialog.focusWidget() or dialog.nextInFocusChain()
    out, widget = [], start
    while True:
        out.append(widget)
        widget = widget.nextInFocusChain()
        if widget is None or widget is start or len(out) > 2000:
            return out


def form_order_problems(dialog: QWidget) -> list[str]:
    """Form rows whose fields Tab reaches out of top-to-bottom order."""
    from PySide6.QtWidgets import QFormLayout

    chain = _chain(dialog)
    position = {id(w): i for i, w in enumerate(chain)}
    bad = []
    for form in dialog.findChildren(QFormLayout):
        seen = []
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            buddy = label.widget().buddy() if label and hasattr(label.widget(), "buddy") else None
            if buddy is not None and buddy.isVisibleTo(dialog) and id(buddy) in position:
                seen.append((position[id(buddy)], label.widget().text()))
        # The chain is a ring: count from the form's first field.
        order = [(p - seen[0][0]) % len(chain) for p, _ in seen] if seen else []
        if order != sorted(order):
            bad.append(" → ".join(text for _, text in sorted(seen)))
    return bad


def test_tab_goes_down_each_form_in_order(qtbot, demo, tmp_path):
    settings = SettingsStore.in_file(tmp_path / "settings.ini")
    window = MainWindow(demo, settings)
    qtbot.addWidget(window)
    known = _arguments(demo, window, settings)
    problems = {}
    for cls in dialog_classes():
        dialog = _build(cls, known)
        if dialog is None or dialog is window:
            continue
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        bad = form_order_problems(dialog)
        if bad:
            problems[cls.__name__] = bad
        dialog.close()
    assert not problems, f"Tab jumps around in these forms: {problems}"


def test_the_order_check_finds_a_form_walked_backwards(qtbot):
    from PySide6.QtWidgets import QFormLayout, QLineEdit

    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    first, second, third = QLineEdit(), QLineEdit(), QLineEdit()
    for text, field in (("First", first), ("Second", second), ("Third", third)):
        form.addRow(text, field)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert form_order_problems(dialog) == []
    QWidget.setTabOrder(first, third)
    QWidget.setTabOrder(third, second)
    assert form_order_problems(dialog) == ["First → Third → Second"]
