"""The main journey in German: every text the officer sees is German, none is left in English.

The window starts with the interface language set to Deutsch in Preferences (the `unlocked`
fixture with `interface_language` overridden), then walks the main journey's windows and
dialogs as an officer does, typing German data. At each step it collects what is on screen
— window titles, labels, buttons, group boxes, tabs, menus and their actions, table headers,
tooltips, placeholders, combo box items, spin box suffixes — and fails on English: a text
that is one of the English sources with a different German translation, or that holds common
English words. Item views are read cell by cell (display text and tooltip), so the timeline's
titles, who and detail and the attention lists count too. Names, "Casepath", numbers and the
officer's own typing pass; nothing else does: the core's words and sentences (stages, roles,
tracks, recommendation reasons, the vault's refusals) are translated in the core catalogue
(`app.domain.words`) and must reach this window in German.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from app.domain import records
from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.records import IndicatorCategory, Role
from app.resource_paths import resource_path
from app.views.calibration.status_update_dialog import StatusUpdateDialog
from app.views.case.case_workspace import CaseWorkspace
from app.views.case.dialogs.advance_stage_dialog import AdvanceStageDialog
from app.views.case.dialogs.case_record_dialogs import (
    DecisionDialog,
    IndicatorDialog,
    ObservationDialog,
)
from app.views.case.dialogs.conversation_dialog import ConversationDialog
from app.views.case.dialogs.exception_dialog import DecideExceptionDialog, ExceptionDialog
from app.views.case.dialogs.new_case_dialog import NewCaseDialog
from app.views.case.dialogs.track_change_dialog import TrackChangeDialog
from app.views.employees.employee_dialog import EmployeeDialog
from app.views.preferences.preferences_dialog import PreferencesDialog
from app.views.reviews.review_dialog import ReviewDialog
from app.views.reviews.review_outcome_dialog import ReviewOutcomeDialog
from tests.journeys.test_main_journey import add_conversation, add_decision, advance, build_plan
from tests.journeys.walk import click, dialog, trigger, type_text

NAMES = ("Zoë Ångström", "Ola Nordmann", "Hana Officer", "Lee Lead", "Priya Shah", "Sam Lee")
NAMES += ("Ingrid Lindqvist",)
# The attendee list marks the neutral observer the way the policy reads it.
OBSERVED = "Zoë Ångström\nOla Nordmann\nSam Lee (HR observer)"

# Common English words that are not German words: one of them in a text means English.
_ENGLISH = """
    the and of to with for is are this that these those yet not no by from be been or on at it
    its as if than then there here what who when why which where how all any none new edit save
    cancel close open choose select record add remove delete show hide find search file files
    case cases employee employees conversation conversations review reviews decision decisions
    exception exceptions stage track owner deadline next previous back date time kind summary
    note notes reason role approver approved requested observed observation observations
    indicator indicators metric source expected actual unit target measured policy move moves
    advance lock locked unlock shown help view quit preferences officers refresh documents
    timeline agenda calendar export import print copy recorded required  missing
    nothing something went wrong try again yes please your you only never always because about
    keyboard shortcuts user guide working outcome attendees causes actions agreed category
    department manager name number title held assessment comment workload objective
    objectives plan resources timelines
"""
ENGLISH_WORDS = set(_ENGLISH.split())
ALLOWED_WORDS = {"casepath", "plan", "status", "name", "agenda", "format", "problem", "filter"}
ALLOWED_WORDS |= {"e-mail", "csv", "pdf", "json", "ics", "hr", "min", "www", "https", "ok"}

# The forms branch (plan editor, record dialogs, conversation dialog) is merged and checked like
# everything else; these stay empty unless a later branch needs the same grace.
PENDING_FORMS_BRANCH_PATTERNS: list[str] = []
PENDING_FORMS_BRANCH_WIDGETS: tuple[type, ...] = ()
# What the journey types (the plan comes from the main journey's English steps).
TYPED = {"Close more tickets", "Tickets closed per week", "Clear the old backlog"}
TYPED |= {"Pair with a senior analyst"}


def english_sources() -> set[str]:
    """English source texts whose German translation differs (mnemonics and colons dropped)."""
    found = set()
    ts = ET.parse(resource_path("translations", "casepath_de.ts"))
    for message in ts.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        german = translation.text or "".join(f.text or "" for f in translation)
        if _plain(source) != _plain(german) and not re.search(r"%\d|%n|\{\d\}", source):
            found.add(_plain(source))
    return found


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text).replace("&", "")
    return " ".join(text.split()).strip(" :…").strip()


# -- what is on screen -------------------------------------------------------------------
def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text a person sees in ``root`` and its visible children."""
    out: list[tuple[str, str]] = []

    def add(where: str, text: str | None) -> None:
        if text and text.strip():
            out.append((where, text))

    add("window title", root.windowTitle())
    pending = [w for w in root.findChildren(QWidget) if isinstance(w, PENDING_FORMS_BRANCH_WIDGETS)]
    widgets = [root] + [
        w
        for w in root.findChildren(QWidget)
        if w.isVisibleTo(root) and not any(p is w or p.isAncestorOf(w) for p in pending)
    ]
    for w in widgets:
        name = type(w).__name__
        add(f"{name} tooltip", w.toolTip())
        if isinstance(w, QLabel):
            add("label", w.text())
        elif isinstance(w, QAbstractButton):
            add("button", w.text())
        elif isinstance(w, QGroupBox):
            add("group box", w.title())
        elif isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            add("placeholder", w.placeholderText())
        elif isinstance(w, QComboBox) and not w.isEditable():
            for i in range(w.count()):
                add("combo item", w.itemText(i))
        elif isinstance(w, QSpinBox | QAbstractSpinBox):
            add("spin box", getattr(w, "suffix", lambda: "")())
            add("spin box", w.specialValueText())
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add("tab", w.tabText(i))
                add("tab tooltip", w.tabToolTip(i))
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model():
            model = w.model()
            roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
            for section in range(model.columnCount()):
                for role in roles:
                    value = model.headerData(section, Qt.Orientation.Horizontal, role)
                    add("column header", value if isinstance(value, str) else "")
            for index in _cells(model):
                for role in roles:
                    value = model.data(index, role)
                    add(f"{name} cell", value if isinstance(value, str) else "")
    if isinstance(root, QMainWindow):
        for menu in root.menuBar().findChildren(QMenu):
            add("menu", menu.title())
            for action in menu.actions():
                add("menu action", action.text())
        for action in root.findChildren(type(root.menuBar().actions()[0])):
            add("action tooltip", action.toolTip())
    return out


def _cells(model: Any, parent: Any = None, limit: int = 400) -> list[Any]:
    """The model's cells (a tree's children too), up to ``limit`` of them."""
    from PySide6.QtCore import QModelIndex

    parent = parent if parent is not None else QModelIndex()
    out: list[Any] = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            if len(out) >= limit:
                return out
            index = model.index(row, column, parent)
            out.append(index)
            if column == 0 and model.rowCount(index):  # a table model hides hasChildren
                out += _cells(model, index, limit - len(out))
    return out


class EnglishFinder:
    """Collects the English texts seen on each screen of the journey."""

    def __init__(self, allowed: set[str] = frozenset()) -> None:
        self.sources = english_sources()
        self.allowed = set(allowed) | set(NAMES) | TYPED
        self.phrases: list[str] = []
        self.allow(())
        patterns = PENDING_FORMS_BRANCH_PATTERNS
        self.patterns = [re.compile(p) for p in patterns]
        self.found: list[str] = []
        self.seen = 0

    def allow(self, phrases: Any) -> None:
        """Also let these (core) words pass, e.g. the timeline's event kinds."""
        self.allowed |= set(phrases)
        self.phrases = sorted(self.allowed, key=len, reverse=True)

    def english(self, text: str) -> bool:
        text = re.sub(r"\S*\w…$", "", text)  # a cell cut short: its last word is a fragment
        plain = _plain(text)
        if plain in self.allowed:
            return False
        if plain in self.sources:
            return True
        for pattern in self.patterns:
            plain = pattern.sub(" ", plain)
        for phrase in self.phrases:
            plain = plain.replace(phrase, " ")
        plain = re.sub(r"[\w-]+\.(casepath|pdf|csv|json|ics)\b|\S*/\S*", " ", plain)  # files
        plain = re.sub(r"'casepath [^']*'", " ", plain)  # a command to type, not words
        words = {w.lower() for w in re.findall(r"[A-Za-zÄÖÜäöüß][\w'-]*", plain)}
        return bool((words & ENGLISH_WORDS) - ALLOWED_WORDS)

    def look(self, screen: str, root: QWidget) -> None:
        for where, text in visible_texts(root):
            self.seen += 1
            if self.english(text):
                self.found.append(f"{screen} / {where}: {text!r}")


def test_the_finder_tells_english_from_german():
    finder = EnglishFinder({"Early conversation"})
    for english in ("Save as…", "&Record a decision", "Nothing recorded yet.", "Timeline"):
        assert finder.english(english), english
    assert finder.english("Noch offen: the reason is missing")
    for german in ("Entscheidung erfassen", "Phase: <b>Early conversation</b>", "Zoë Ångström"):
        assert not finder.english(german), german
    assert not finder.english("<b>cases.casepath</b><br><small>/tmp/x/cases</small>")
    # The core's sentences count like any other: English reasons and tracks are found.
    assert finder.english(
        "1 compliance risk since 16 March (Compliance risk: 1 or more within 365 days)"
    )
    assert finder.english("High-stakes (safety or compliance)")
    assert not finder.english("Mit hoher Tragweite (Sicherheit oder Regeltreue)")
    assert not finder.english("Begründung: Be…") and finder.english("Reason: the…")


@pytest.fixture
def interface_language() -> str:
    return "de"


def test_the_window_speaks_german_throughout(qtbot, unlocked, clock):
    session = unlocked
    window = session.main_window
    services = session.services
    finder = EnglishFinder()
    assert window.menuBar().actions()[0].text() == "&Datei"  # German is on at all
    finder.look("main window", window)
    for menu in [window.menuBar(), *window.menuBar().findChildren(QMenu)]:
        keys = [re.findall(r"&(\w)", a.text())[:1] for a in menu.actions() if a.text()]
        letters = [k[0].lower() for k in keys if k]
        where = menu.title() if isinstance(menu, QMenu) else "the menu bar"
        assert len(letters) == len(set(letters)), f"one mnemonic twice in {where}: {keys}"

    # A new case for a new employee.
    trigger(window, "newCaseAction")
    new_case = dialog(qtbot, window, NewCaseDialog)
    finder.look("new case", new_case)
    click(qtbot, new_case.new_employee_button)
    emp = dialog(qtbot, new_case, EmployeeDialog)
    finder.look("new employee", emp)
    type_text(qtbot, emp.employee_number, "E2041")
    type_text(qtbot, emp.name, "Zoë Ångström")
    type_text(qtbot, emp.job_title, "Servicedesk-Analystin")
    type_text(qtbot, emp.department.lineEdit(), "Servicedesk")
    type_text(qtbot, emp.manager, "Ola Nordmann")
    type_text(qtbot, emp.start_date, "2021-04-01")
    finder.look("new employee, filled in", emp)
    click(qtbot, emp.save_button)
    finder.look("new case, employee chosen", new_case)
    click(qtbot, new_case.buttons.button(new_case.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), CaseWorkspace))
    ws = window.tabs.currentWidget()
    for key in ws.tab_specs():
        ws.tabs.setCurrentWidget(ws.tab(key[0]))
        finder.look(f"case view, tab {key[0]}", ws)
    assert ws.tabs.tabText(1) == "Gespräche"
    # The case buttons' German Alt keys differ from each other and from the menu bar's.
    buttons = [ws.advance_button, ws.exception_button, ws.track_button, ws.status_button]
    buttons.append(ws.close_button)
    button_keys = [re.findall(r"&(\w)", b.text())[0].lower() for b in buttons]
    # The case toolbar's History… and Reopen… keys too ("Verlauf" once took V from "Verfahrensweg").
    for action in (ws.history_action, ws.reopen_action):
        button_keys += [k.lower() for k in re.findall(r"&(\w)", action.text())[:1]]
    bar_keys = {re.findall(r"&(\w)", a.text())[0].lower() for a in window.menuBar().actions()}
    assert len(set(button_keys)) == len(button_keys), button_keys
    assert not set(button_keys) & bar_keys, (button_keys, bar_keys)

    # Evidence, a conversation and a decision.
    evidence = ws.tab("Indicators and observations")
    ws.tabs.setCurrentWidget(evidence)
    click(qtbot, evidence.indicators.new_button)
    ind = dialog(qtbot, ws, IndicatorDialog)
    finder.look("indicator", ind)
    ind.category.set_value(IndicatorCategory.COMPLIANCE)
    type_text(qtbot, ind.metric_edit, "Zugriffsprüfungen erledigt")
    type_text(qtbot, ind.expected, "vier")  # not a number: said in German
    assert "muss eine Zahl sein" in ind.message_for("expected")
    ind.expected.clear()
    type_text(qtbot, ind.expected, "4")
    type_text(qtbot, ind.actual, "1")
    type_text(qtbot, ind.source, "Prüfbericht")
    finder.look("indicator, filled in", ind)
    click(qtbot, ind.save_button)
    click(qtbot, evidence.observations.new_button)
    obs = dialog(qtbot, ws, ObservationDialog)
    finder.look("observation", obs)
    type_text(qtbot, obs.author, "Priya Shah")
    type_text(qtbot, obs.text, "Übergaben am Montag kommen oft spät.")
    click(qtbot, obs.save_button)

    talks = ws.tab("Conversations")
    ws.tabs.setCurrentWidget(talks)
    click(qtbot, talks.section.new_button)
    talk = dialog(qtbot, ws, ConversationDialog)  # its own strings: the forms branch
    type_text(qtbot, talk.summary, "Die späten Übergaben besprochen.")
    type_text(qtbot, talk.attendees, "Zoë Ångström\nOla Nordmann")
    talk.kind.set_value(records.ConversationKind.INFORMAL)
    talk.root_causes.boxes[records.RootCause.WORKLOAD].setChecked(True)
    click(qtbot, talk.save_button)
    assert not talk.isVisible(), talk.status.text()

    decisions = ws.tab("Decisions and exceptions")
    ws.tabs.setCurrentWidget(decisions)
    click(qtbot, decisions.decisions.new_button)
    dec = dialog(qtbot, ws, DecisionDialog)
    finder.look("decision", dec)
    type_text(qtbot, dec.decided_by, "Hana Officer")
    dec.role.set_value(Role.HR_OFFICER)
    type_text(qtbot, dec.summary, "Coaching beginnen")
    type_text(qtbot, dec.rationale, "Arbeitslast als Ursache benannt.")
    click(qtbot, dec.save_button)

    # Track, exception requested and decided.
    click(qtbot, ws.track_button)
    tc = dialog(qtbot, ws, TrackChangeDialog)
    finder.look("track change", tc)
    click(qtbot, tc.ok_button)  # no reason: refused, in German
    finder.look("track change, refused", tc)
    type_text(qtbot, tc.reason, "Compliance-Indikator: ausgelassene Zugriffsprüfungen")
    type_text(qtbot, tc.approver, "Lee Lead")
    click(qtbot, tc.ok_button)
    assert not tc.isVisible()
    click(qtbot, ws.exception_button)
    exc = dialog(qtbot, ws, ExceptionDialog)
    finder.look("exception", exc)
    exc.kind.set_value(ExceptionKind.EXTEND)
    exc.extra_days.setValue(2)
    type_text(qtbot, exc.reason, "Belege aus der Prüfung kommen spät.")
    click(qtbot, exc.save_button)
    ws.tabs.setCurrentWidget(decisions)
    decisions.exceptions.view.selectRow(0)
    click(qtbot, decisions.decide_button)
    decide = dialog(qtbot, ws, DecideExceptionDialog)
    finder.look("decide exception", decide)
    type_text(qtbot, decide.approver, "Lee Lead")
    decide.approver_role.set_value(Role.HR_LEAD)
    click(qtbot, decide.save_button)

    # Stage moves up to the formal review, then a review scheduled and its outcome.
    click(qtbot, ws.advance_button)
    adv = dialog(qtbot, ws, AdvanceStageDialog)
    finder.look("advance stage", adv)
    adv.reject()
    advance(
        qtbot, ws, services, "coaching", "Ola Nordmann", Role.MANAGER,
        [("Hana Officer", Role.HR_OFFICER)], "Ursachen vereinbart; als Nächstes Coaching.",
    )  # fmt: skip
    build_plan(qtbot, ws, services)  # the plan editor's strings: the forms branch
    # The rest of the way as in the main journey (its dialogs were looked at above).
    kinds = records.ConversationKind
    add_conversation(qtbot, ws, kinds.COACHING, "Erstes Coaching.", OBSERVED)
    advance(
        qtbot, ws, services, "formal_concern", "Ola Nordmann", Role.MANAGER,
        [("Hana Officer", Role.HR_OFFICER), ("Lee Lead", Role.HR_LEAD)], "Keine Besserung.",
    )  # fmt: skip
    add_conversation(qtbot, ws, kinds.FORMAL_CONCERN, "Förmlich vorgebracht.", OBSERVED)
    add_decision(qtbot, ws, "Förmlicher Verbesserungsplan", "Die Lücke besteht fort.")
    advance(
        qtbot, ws, services, "improvement_plan", "Hana Officer", Role.HR_OFFICER,
        [("Lee Lead", Role.HR_LEAD)], "Plan als Nächstes.",
    )  # fmt: skip
    add_conversation(qtbot, ws, kinds.CHECK_IN, "Wöchentliches Gespräch.", "Zoë Ångström")
    advance(
        qtbot, ws, services, "formal_review", "Hana Officer", Role.HR_OFFICER,
        [("Ola Nordmann", Role.MANAGER), ("Lee Lead", Role.HR_LEAD)], "Überprüfung.",
    )  # fmt: skip
    reviews_tab = ws.tab("Reviews")
    ws.tabs.setCurrentWidget(reviews_tab)
    finder.look("case view, reviews", ws)
    click(qtbot, reviews_tab.reviews.new_button)
    rd = dialog(qtbot, ws, ReviewDialog)
    finder.look("schedule review", rd)
    rd.day.setDate(QDate(2026, 3, 16))
    type_text(qtbot, rd.location, "Raum 4")
    if not rd.observer.text():
        type_text(qtbot, rd.observer, "Sam Lee")
    finder.look("schedule review, filled in", rd)
    click(qtbot, rd.save_button)
    assert not rd.isVisible(), rd.status.text()
    reviews_tab.reviews.view.selectRow(0)
    click(qtbot, reviews_tab.outcome_button)
    od = dialog(qtbot, ws, ReviewOutcomeDialog)
    finder.look("review outcome", od)
    od.reject()
    click(qtbot, ws.status_button)
    status = dialog(qtbot, ws, StatusUpdateDialog)
    finder.look("status update", status)
    status.reject()

    # Every tab of the case again, now that the timeline holds the whole journey.
    for key in ws.tab_specs():
        ws.tabs.setCurrentWidget(ws.tab(key[0]))
        finder.look(f"case view after the journey, tab {key[0]}", ws)

    # Preferences, then lock: the unlock window speaks German too.
    trigger(window, "preferencesAction")
    prefs = dialog(qtbot, window, PreferencesDialog)
    finder.look("preferences", prefs)
    assert prefs.language.currentText() == "Deutsch"
    prefs.reject()
    finder.look("main window after the journey", window)
    trigger(window, "lockAction")
    unlock = session.unlock_window
    qtbot.waitExposed(unlock)
    finder.look("unlock window", unlock)
    type_text(qtbot, unlock.passphrase, "falsche Wörter hier")
    click(qtbot, unlock.unlock_button)
    qtbot.waitUntil(lambda: not unlock.busy, timeout=10_000)
    finder.look("unlock window, wrong passphrase", unlock)

    assert finder.seen > 400  # the walk saw the screens at all
    assert not finder.found, "English on screen:\n" + "\n".join(finder.found)
