"""How search compares text, and the words for where a search hit matched.

``fold`` is the one comparison rule: case- and accent-insensitive, like the full-text index
(FTS5 trigram with ``remove_diacritics``), so a two-letter search through LIKE finds "Mü" as
"mu" just as a longer one does through the index. Letters that are not a base letter with a
mark ("Ł", "ø", "ß") stay themselves, as they do in the index.
"""

from __future__ import annotations

import unicodedata

from app.domain.records import LabelledEnum


def fold(text: str | None) -> str:
    """Lower case without combining marks: 'Müller' → 'muller', 'Zoë' → 'zoe'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare).lower()


def contains(haystack: str | None, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack`` under the search's folding."""
    folded = fold(needle.strip())
    return bool(folded) and folded in fold(haystack)


class SearchScope(LabelledEnum):
    """What a case-list search looks through."""

    EVERYTHING = "everything"
    EMPLOYEES = "employees"

    @property
    def label(self) -> str:
        return {"everything": "Everything", "employees": "Employees only"}[self.value]


class MatchSource(LabelledEnum):
    """Where in a case a search hit matched, in the order they are listed."""

    EMPLOYEE = "employee"
    REFERENCE = "reference"
    OFFICER = "officer"
    ATTENDEE = "attendee"
    CONVERSATION = "conversation"
    OBSERVATION = "observation"
    INDICATOR = "indicator"
    DECISION = "decision"
    EXCEPTION = "exception"
    PLAN = "plan"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    MatchSource.EMPLOYEE: "employee",
    MatchSource.REFERENCE: "reference",
    MatchSource.OFFICER: "officer",
    MatchSource.ATTENDEE: "attendee",
    MatchSource.CONVERSATION: "conversation notes",
    MatchSource.OBSERVATION: "observation",
    MatchSource.INDICATOR: "indicator",
    MatchSource.DECISION: "decision",
    MatchSource.EXCEPTION: "exception",
    MatchSource.PLAN: "plan or review",
}


def match_words(sources: frozenset[MatchSource] | set[MatchSource]) -> str:
    """'employee, officer': the sources in a fixed order, as the list shows them."""
    return ", ".join(s.label for s in MatchSource if s in sources)
