"""One case's audit trail, for a pack's audit appendix.

A case's events are those about the case itself and about each record that still names it
(events of records since deleted name only their id). They are the Audit window's case filter
(`app.vault.audit.audit_query`): the case's records are found through each table's case index
and their events through ``audit_events(entity_type, entity_id)``, so the cost follows the
case's own events, not the vault.
"""

from __future__ import annotations

from app.domain.words.audit_wording import describe, when_words
from app.vault.audit import audit_query as aq
from app.vault.vault import Vault


def case_events(vault: Vault, case_id: int) -> list[tuple[int, str, str, str, str, str]]:
    """(seq, at, officer, action, entity_type, entity_id) of the case's events, oldest first."""
    query = aq.EventQuery(case_id=case_id)
    return [
        (ev.seq, ev.at, ev.officer, ev.action, ev.entity_type, ev.entity_id)
        for events in aq.stream(vault.conn, query, newest_first=False)
        for ev in events
    ]


def case_trail(
    vault: Vault, case_id: int, reference: str, language: str | None = None
) -> list[tuple[int, str, str, str]]:
    """(seq, when in words, officer, what happened in words) per event of the case, as the
    Audit window and `casepath audit --case` word them, in ``language`` (a German pack's
    appendix reads German, its moments in the German locale)."""
    return [
        (
            int(seq),
            when_words(at, language),
            officer,
            describe(officer, action, kind, key, reference, language),
        )
        for seq, at, officer, action, kind, key in case_events(vault, case_id)
    ]
