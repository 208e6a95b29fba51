"""How the plan's validation report names a field, and the same name in words.

The report says ``objectives[0].micro_goals[1].due_on``; the officer reads "Objective 1,
micro-goal 2, date", and the editor finds the outline line (``objectives[0].micro_goals[1]``)
and the field (``due_on``) the problem belongs to.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

FIELD_PATH = re.compile(r"^(objectives|resources)\[(\d+)\](?:\.micro_goals\[(\d+)\])?(?:\.(\w+))?$")
# Words for the fields a problem names (marked for translation, looked up at run time).
_FIELD_WORDS = {
    "title": QT_TRANSLATE_NOOP("PlanDialog", "title"),
    "measure": QT_TRANSLATE_NOOP("PlanDialog", "measure"),
    "unit": QT_TRANSLATE_NOOP("PlanDialog", "unit"),
    "direction": QT_TRANSLATE_NOOP("PlanDialog", "direction"),
    "baseline": QT_TRANSLATE_NOOP("PlanDialog", "baseline"),
    "target": QT_TRANSLATE_NOOP("PlanDialog", "target"),
    "stretch_target": QT_TRANSLATE_NOOP("PlanDialog", "stretch target"),
    "due_on": QT_TRANSLATE_NOOP("PlanDialog", "date"),
    "by_date": QT_TRANSLATE_NOOP("PlanDialog", "date"),
    "category": QT_TRANSLATE_NOOP("PlanDialog", "category"),
    "status": QT_TRANSLATE_NOOP("PlanDialog", "status"),
    "note": QT_TRANSLATE_NOOP("PlanDialog", "note"),
    "kind": QT_TRANSLATE_NOOP("PlanDialog", "kind"),
    "description": QT_TRANSLATE_NOOP("PlanDialog", "description"),
    "provider": QT_TRANSLATE_NOOP("PlanDialog", "provider"),
    "micro_goals": QT_TRANSLATE_NOOP("PlanDialog", "micro-goals"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanDialog", text)


def friendly_field(name: str) -> str:
    """``objectives[0].micro_goals[1].due_on`` → ``Objective 1, micro-goal 2, date``."""
    m = FIELD_PATH.match(name)
    if not m:
        return name
    kind, i, goal, leaf = m.groups()
    head = (
        QCoreApplication.translate("PlanDialog", "Objective {n}")
        if kind == "objectives"
        else QCoreApplication.translate("PlanDialog", "Resource {n}")
    )
    parts = [head.format(n=int(i) + 1)]
    if goal is not None:
        parts.append(
            QCoreApplication.translate("PlanDialog", "micro-goal {n}").format(n=int(goal) + 1)
        )
    if leaf:
        parts.append(
            QCoreApplication.translate("PlanDialog", _FIELD_WORDS.get(leaf, leaf.replace("_", " ")))
        )
    return ", ".join(parts)


def line_path(field_path: str) -> tuple[str, str]:
    """``objectives[0].micro_goals[1].due_on`` → (``objectives[0].micro_goals[1]``, ``due_on``)."""
    m = FIELD_PATH.match(field_path)
    if not m:
        return "", ""
    kind, i, goal, leaf = m.groups()
    line = f"{kind}[{i}]" + (f".micro_goals[{goal}]" if goal is not None else "")
    return line, leaf or ""
