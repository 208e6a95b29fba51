"""Small conversions between SQLite column values and domain field types."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime


def d2s(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def s2d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def dt2s(value: datetime) -> str:
    return value.isoformat()


def s2dt(value: str) -> datetime:
    return datetime.fromisoformat(value)


def list2s(values: Iterable[object]) -> str:
    return json.dumps([getattr(v, "value", v) for v in values], ensure_ascii=False)


def s2list(value: str | None) -> list:
    return list(json.loads(value)) if value else []
