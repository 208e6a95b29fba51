"""Sentences the core once wrote into records in English, recognised so they read in any language.

A few records hold text Casepath wrote rather than the officer: a track change's decision
("Track changed from Standard to High-stakes", its rationale signed " Approved by Lee Lead
(HR lead)."), a stage change's approvals ("Manager Ola Nordmann reviewed on 16 Mar 2026").
They are stored as written — records are evidence and never rewritten — so the reader's
language is applied when they are shown: `stored_text` recognises these exact shapes and gives
back a `Phrase` that `said_in` any language; everything else (the officer's own words) comes
back untouched.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from app.domain.records import Role, Track
from app.domain.words.phrases import Phrase, SemicolonJoined, joined
from app.domain.words.translation import N_

TRACK_CHANGED = N_("Track changed from {old} to {new}")
APPROVED_BY = N_("{reason} Approved by {name} ({role}).")
APPROVAL = {
    "reviewed": N_("{role} {person} reviewed on {day}"),
    "approved": N_("{role} {person} approved on {day}"),
}


def _alternatives(labels: list[str]) -> str:
    return "|".join(re.escape(t) for t in sorted(labels, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    tracks = _alternatives([t.label for t in Track])
    roles = _alternatives([r.label for r in Role])
    return (
        re.compile(rf"Track changed from (?P<old>{tracks}) to (?P<new>{tracks})"),
        re.compile(rf"(?P<reason>.*) Approved by (?P<name>[^()]+) \((?P<role>{roles})\)\.", re.S),
        re.compile(
            rf"(?P<role>{roles}) (?P<person>.+) (?P<verb>reviewed|approved) on "
            r"(?P<day>\d{1,2} [A-Z][a-z]{2,3} \d{4})"
        ),
    )


def _member(enum: type, text: str) -> object:
    return next(m for m in enum if m.label == text)


def _day(text: str) -> object:
    try:
        return datetime.strptime(text.replace("Sept", "Sep"), "%d %b %Y").date()
    except ValueError:
        return text


def stored_text(text: str) -> str:
    """``text`` as a `Phrase` when Casepath wrote it in one of the known shapes, else as is."""
    if not text or isinstance(text, Phrase):
        return text
    track, signed, approval = _patterns()
    if m := track.fullmatch(text):
        return Phrase(TRACK_CHANGED, old=_member(Track, m["old"]), new=_member(Track, m["new"]))
    if m := signed.fullmatch(text):
        return Phrase(
            APPROVED_BY, reason=m["reason"], name=m["name"], role=_member(Role, m["role"])
        )
    if m := approval.fullmatch(text):
        return Phrase(
            APPROVAL[m["verb"]],
            role=_member(Role, m["role"]),
            person=m["person"],
            day=_day(m["day"]),
        )
    return text


def stored_list(texts: tuple[str, ...] | list[str]) -> Phrase:
    """Several stored sentences joined with semicolons (a stage change's approvals)."""
    return joined((stored_text(t) for t in texts), SemicolonJoined)
