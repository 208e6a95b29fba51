"""The case view builds a tab when it is first shown or asked for, never all seven at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from app.views.case.case_workspace import CaseWorkspace
from app.views.case.tabs.conversations_tab import ConversationsTab
from app.views.case.tabs.timeline_tab import TimelineTab
from app.views.plans.plan_tab import PlanTab
from app.views.widgets.record_list_section import SAMPLED_ROWS
from tests.factories import conversation, open_case


@pytest.fixture
def case(services, clock):
    case = open_case(services, stage="early_conversation")
    services.cases.add(conversation(case, clock.today() - timedelta(days=2)))
    return case


@pytest.fixture
def workspace(qtbot, services, case):
    ws = CaseWorkspace(services, case.id)
    qtbot.addWidget(ws)
    ws.resize(1200, 800)
    ws.show()
    return ws


def _built(ws: CaseWorkspace) -> list[str]:
    return [
        ws.tabs.tabText(i)
        for i in range(ws.tabs.count())
        if type(ws.tabs.widget(i)).__name__ != "QWidget"
    ]


def test_only_the_shown_tab_is_built_when_a_case_opens(workspace):
    assert isinstance(workspace.tabs.currentWidget(), TimelineTab)
    assert _built(workspace) == ["Timeline"]
    assert workspace.tabs.count() == len(workspace.tab_specs())  # every title is there


def test_clicking_a_tab_builds_and_fills_it(qtbot, workspace, case):
    bar = workspace.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    tab = workspace.tabs.currentWidget()
    assert isinstance(tab, ConversationsTab)
    assert tab.section.model.rowCount() == 1  # the stored conversation, read on first show
    assert workspace.tab("Conversations") is tab
    assert _built(workspace) == ["Timeline", "Conversations"]


def test_tab_builds_on_demand_and_is_usable_when_made_current(workspace, services, case):
    plan = workspace.tab("Plan")
    assert isinstance(plan, PlanTab)
    assert workspace.tabs.indexOf(plan) == list(workspace.tabs_by_title).index("Plan")
    workspace.tabs.setCurrentWidget(plan)
    assert workspace.tabs.currentWidget() is plan
    assert workspace.tabs.tabText(workspace.tabs.currentIndex()) == "Plan"
    assert plan.services is services  # filled, not a blank placeholder


def test_refresh_reads_only_built_tabs_and_clear_blanks_late_ones(workspace, services, case):
    workspace.refresh()
    assert _built(workspace) == ["Timeline"]
    workspace.clear()
    tab = workspace.tab("Conversations")  # built after lock: blank
    assert tab.section.model.rowCount() == 0
    assert tab.services is None


def test_tabs_by_title_still_maps_every_title(workspace):
    titles = [t for t, _ in workspace.tab_specs()]
    assert list(workspace.tabs_by_title) == titles
    assert isinstance(workspace.tabs_by_title["Conversations"], ConversationsTab)


def test_timeline_widths_come_from_a_sample_of_rows(workspace):
    header = workspace.tab("Timeline").view.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
    assert header.resizeContentsPrecision() == SAMPLED_ROWS
