"""What the GUI's case list needs from the vault, without importing the vault layer.

Views and item models may not import ``app.vault``; they speak these names instead. The SQL
behind them (paging, sorting, filtering, FTS search) stays in
``app.vault.repositories.case_repository``.
"""

from __future__ import annotations

from typing import Any

from app.domain.words.search_match import MatchSource, SearchScope, match_words
from app.vault.repositories.case_repository import SORT_KEYS, CaseQuery, CaseRow, fts_phrase
from app.vault.repositories.search_sources import match_sources as _match_sources

PAGE_SIZE = 200  # rows per fetch: 12 ms a batch at 100k cases (see MEASURED.md)

__all__ = [
    "PAGE_SIZE",
    "SORT_KEYS",
    "CaseQuery",
    "CaseRow",
    "MatchSource",
    "SearchScope",
    "is_text_search",
    "match_sources",
    "match_words",
    "search_hits",
]


def is_text_search(query: CaseQuery) -> bool:
    """True when the query searches the full-text index (three or more characters)."""
    return fts_phrase(query.search) is not None


def search_hits(
    services: Any, query: CaseQuery, before: int | None, limit: int, seen: set[int]
) -> tuple[list[CaseRow], int | None]:
    """The next ``limit`` search hits, newest entry first (see CaseRepository.search_hits)."""
    return services.vault.cases.search_hits(query, before, limit, seen)


def match_sources(services: Any, query: CaseQuery, case_id: int) -> frozenset[MatchSource]:
    """Where the query's search text matched in this case (empty without a search)."""
    return _match_sources(services.vault.conn, query.search, case_id, query.scope)
