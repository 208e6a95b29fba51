"""The policy in words: every stage with its roles and deadlines, no identifier on screen."""

from __future__ import annotations

import re

from app.domain.escalation.policy import load_policy
from app.domain.escalation.policy_words import describe_policy, problem_words
from app.services.cases.escalation_service import default_policy_text

IDENTIFIER = re.compile(r"\b[a-z]+_[a-z_]+\b")


def test_every_stage_reads_in_words_with_roles_and_deadlines():
    policy = load_policy(default_policy_text())
    sections = describe_policy(policy)
    titles = [s.title for s in sections]
    for i, stage in enumerate(policy.stages, 1):
        assert f"{i}. {stage.name}" in titles
    coaching = dict(next(s for s in sections if s.title.endswith("Coaching")).rows)
    assert coaching["Who may move a case here"] == "Supervisor or Manager"
    assert coaching["Deadline"].startswith("Standard: 30 business days")
    words = " ".join(f"{s.title} {s.purpose} {a} {b}" for s in sections for a, b in s.rows)
    assert not IDENTIFIER.findall(words)
    assert "(s)" not in words


def test_a_problem_names_the_place_in_words():
    assert problem_words("stages.coaching.deadline_business_days", "-3 is negative") == (
        'Stage "coaching", deadline business days: -3 is negative'
    )
    assert problem_words("TOML syntax", "broken") == "TOML syntax: broken"
    assert problem_words("policy.name", "is required") == "Policy › name: is required"
