"""What the GUI's case list needs from the vault, without importing the vault layer.

Views and item models may not import ``app.vault``; they speak these names instead. The SQL
behind them (paging, sorting, filtering, FTS search) stays in ``app.vault.case_repository``.
"""

from __future__ import annotations

from app.vault.case_repository import SORT_KEYS, CaseQuery, CaseRow

PAGE_SIZE = 200  # rows per fetch: 12 ms a batch at 100k cases (see MEASURED.md)

__all__ = ["PAGE_SIZE", "SORT_KEYS", "CaseQuery", "CaseRow"]
