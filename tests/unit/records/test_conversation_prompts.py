"""The structured dialogue prompts shipped in resources/ and how a broken file is reported."""

from __future__ import annotations

import pytest

from app.domain.records import RootCause
from app.services.cases.conversation_prompts import (
    SECTION_KEYS,
    PromptsError,
    load_conversation_prompts,
    parse_conversation_prompts,
)


def test_shipped_prompts_cover_every_section_and_root_cause():
    prompts = load_conversation_prompts()
    assert set(prompts.sections) == set(SECTION_KEYS)
    for key in ("constraints", "expectations", "attendees", "agreed_actions"):
        assert prompts.section(key).questions, key
    labels = {p.cause: p.label for p in prompts.root_causes}
    assert labels[RootCause.WORKLOAD] == "Workload pressures"
    assert labels[RootCause.SKILL_GAP] == "Skill gaps"
    assert labels[RootCause.COMPETING_PRIORITIES] == "Competing priorities"
    assert all(p.question for p in prompts.root_causes)


def test_missing_parts_fall_back_to_plain_labels():
    prompts = parse_conversation_prompts('[sections.summary]\ntitle = "Talk"\n')
    assert prompts.section("summary").title == "Talk"
    assert prompts.section("constraints").title == "Constraints"
    assert prompts.root_cause(RootCause.TOOLS).label == "Tools"


def test_broken_files_name_the_file_and_the_problem():
    with pytest.raises(PromptsError, match=r"mine\.toml: .*line 1"):
        parse_conversation_prompts("[sections\n", "mine.toml")
    with pytest.raises(PromptsError, match="unknown section"):
        parse_conversation_prompts("[sections.smalltalk]\n", "mine.toml")
    with pytest.raises(PromptsError, match="questions must be a list"):
        parse_conversation_prompts('[sections.summary]\nquestions = "why?"\n')
    with pytest.raises(PromptsError, match="options.boredom"):
        parse_conversation_prompts("[sections.root_causes.options.boredom]\n")
