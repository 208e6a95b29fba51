"""Numbers as the plan and review forms show and read them.

Targets and baselines are optional numbers: blank means "no value", and a comma reads as a
decimal point, since officers type ``1,5`` as often as ``1.5``.
"""

from __future__ import annotations


def number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def parse_number(text: str) -> float | None:
    """'1,5' and '1.5' both read as 1.5; blank is None; anything else raises ValueError."""
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    return float(cleaned) if cleaned else None
