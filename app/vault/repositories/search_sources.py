"""Where a search matched in one case: the employee, an officer, an attendee, a note …

The case list shows this beside each hit so a surname shared by the employee and the officer
who attends every meeting explains itself. The index (``case_text``) says only *which record*
matched; the record's fields are read back and compared with the same folding the index uses
(``app.domain.words.search_match.fold``). Run for the rows on screen only, a handful of indexed
reads each.
"""

from __future__ import annotations

from app.domain.words.search_match import MatchSource, SearchScope, contains
from app.vault.connection import Connection

_M = MatchSource


def match_sources(
    conn: Connection, search: str, case_id: int, scope: SearchScope = SearchScope.EVERYTHING
) -> frozenset[MatchSource]:
    term = search.strip()
    if not term:
        return frozenset()
    found: set[MatchSource] = set()
    for reference, name, number in conn.query(
        "SELECT c.reference, e.name, e.employee_number FROM cases c"
        " JOIN employees e ON e.id = c.employee_id WHERE c.id = ?",
        (case_id,),
    ):
        if contains(name, term) or contains(number, term):
            found.add(_M.EMPLOYEE)
        if contains(reference, term):
            found.add(_M.REFERENCE)
    if len(term) < 3 or scope is SearchScope.EMPLOYEES:
        return frozenset(found)  # the short (LIKE) search and this scope look nowhere else
    person = _M.OFFICER if _names_an_officer(conn, term) else None

    def check(sql: str, fields: tuple[MatchSource, ...]) -> None:
        for row in conn.query(sql, (case_id,)):
            for value, source in zip(row, fields, strict=True):
                if contains(value, term):
                    found.add(source)

    check(
        "SELECT summary, constraints_text, expectations, root_cause_notes, agreed_actions,"
        " attendees FROM conversations WHERE case_id = ?",
        (*(_M.CONVERSATION,) * 5, person or _M.ATTENDEE),
    )
    check(
        "SELECT body, author FROM observations WHERE case_id = ?",
        (_M.OBSERVATION, person or _M.OBSERVATION),
    )
    check("SELECT metric, source, note FROM indicators WHERE case_id = ?", (_M.INDICATOR,) * 3)
    check("SELECT summary, rationale FROM decisions WHERE case_id = ?", (_M.DECISION,) * 2)
    check(
        "SELECT requested_by, approver, reason FROM case_exceptions WHERE case_id = ?",
        (person or _M.EXCEPTION, person or _M.EXCEPTION, _M.EXCEPTION),
    )
    check("SELECT body FROM case_text WHERE rowid = ? * 8 + 7", (_M.PLAN,))
    return frozenset(found)


def _names_an_officer(conn: Connection, term: str) -> bool:
    return any(contains(name, term) for (name,) in conn.query("SELECT name FROM officers"))
