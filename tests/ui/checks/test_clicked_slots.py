"""No button or action passes its `checked` flag into a parameter that means something else.

`clicked(bool)` and `triggered(bool)` hand `False` to a slot that accepts an argument: Save as…
received it as the path and Print… as the printer ("Something went wrong"). The test reads every
view module and fails when such a signal is connected straight to a method of the same class
that takes any parameter besides ``self``; connect those through a lambda.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import app.views

VIEWS = Path(app.views.__file__).parent
SIGNALS = {"clicked", "triggered"}


def _problems(source: str, name: str) -> list[str]:
    tree = ast.parse(source)
    problems: list[str] = []
    for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
        methods = {
            f.name: f for f in cls.body if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        for node in ast.walk(cls):
            if not isinstance(node, ast.Call):
                continue
            slot = None
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "connect"
                and isinstance(func.value, ast.Attribute)
                and func.value.attr in SIGNALS
                and node.args
            ):
                slot = node.args[0]
            elif isinstance(func, ast.Attribute) and func.attr == "_action" and len(node.args) > 1:
                slot = node.args[1]  # MainWindow._action(text, slot, …) connects `triggered`
            for button in _button_pairs(node):
                problems += _check(button, methods, cls.name, name, node.lineno)
            if slot is not None:
                problems += _check(slot, methods, cls.name, name, node.lineno)
    return problems


def _button_pairs(call: ast.Call) -> list[ast.expr]:
    """Slots handed over as ("Label…", self.method) pairs, e.g. RecordListSection's buttons."""
    slots = []
    for value in list(call.args) + [k.value for k in call.keywords]:
        if isinstance(value, ast.List | ast.Tuple):
            for item in value.elts:
                if (
                    isinstance(item, ast.Tuple)
                    and len(item.elts) == 2
                    and isinstance(item.elts[0], ast.Constant)
                    and isinstance(item.elts[0].value, str)
                ):
                    slots.append(item.elts[1])
    return slots


def _check(slot: ast.expr, methods: dict, cls: str, name: str, line: int) -> list[str]:
    if not (
        isinstance(slot, ast.Attribute)
        and isinstance(slot.value, ast.Name)
        and slot.value.id == "self"
        and slot.attr in methods
    ):
        return []
    args = methods[slot.attr].args
    extra = [a.arg for a in args.posonlyargs + args.args][1:]
    return [f"{name}:{line} {cls}.{slot.attr}({', '.join(extra)})"] if extra else []


def test_a_planted_bad_connection_is_caught():
    source = (
        "class T:\n"
        "    def __init__(self):\n"
        "        self.b.clicked.connect(self.save)\n"
        "        self.c.clicked.connect(lambda: self.save())\n"
        "        Section(extra_buttons=[('Print…', self.save)])\n"
        "    def save(self, path=None):\n"
        "        pass\n"
    )
    assert _problems(source, "t.py") == ["t.py:3 T.save(path)", "t.py:5 T.save(path)"]


@pytest.mark.parametrize("path", sorted(VIEWS.rglob("*.py")), ids=lambda p: p.name)
def test_no_checked_flag_lands_in_a_parameter(path):
    assert _problems(path.read_text("utf-8"), path.name) == []
