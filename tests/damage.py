"""Ways a vault file gets damaged (bit rot, a bad copy, a truncated download), for tests."""

from __future__ import annotations

from pathlib import Path

from app.vault.connection import PAGE_SIZE


def flip(path: Path, offset: int, count: int = 8) -> None:
    """Invert ``count`` bytes at ``offset`` (negative: from the end)."""
    data = bytearray(Path(path).read_bytes())
    if offset < 0:
        offset += len(data)
    for i in range(offset, min(offset + count, len(data))):
        data[i] ^= 0xFF
    Path(path).write_bytes(bytes(data))


def damage_page(path: Path, page: int, at: int = 100) -> None:
    """Damage page ``page`` (1-based) ``at`` bytes into it."""
    flip(path, (page - 1) * PAGE_SIZE + at)


def pages(path: Path) -> int:
    return Path(path).stat().st_size // PAGE_SIZE


# (name, function(path)) pairs: a catalogue of kinds of damage used by the damage tests.
def kinds(path: Path) -> list[tuple[str, object]]:
    n = pages(path)
    out: list[tuple[str, object]] = [
        ("salt", lambda p: flip(p, 0, 4)),
        ("page 1 body", lambda p: damage_page(p, 1, 200)),
        ("page 1 hmac", lambda p: damage_page(p, 1, PAGE_SIZE - 40)),
        ("truncated by a page", lambda p: Path(p).write_bytes(Path(p).read_bytes()[:-PAGE_SIZE])),
        ("truncated mid-page", lambda p: Path(p).write_bytes(Path(p).read_bytes()[:-100])),
        ("garbage page appended", lambda p: _append(p, b"\x5a" * PAGE_SIZE)),
        ("zeroed page 2", lambda p: _zero_page(p, 2)),
        ("last page", lambda p: damage_page(p, n, 300)),
    ]
    for page in range(2, n + 1, max(1, n // 8)):
        out.append((f"page {page}", lambda p, page=page: damage_page(p, page)))
    return out


def _zero_page(path: Path, page: int) -> None:
    data = bytearray(Path(path).read_bytes())
    start = (page - 1) * PAGE_SIZE
    data[start : start + PAGE_SIZE] = bytes(PAGE_SIZE)
    Path(path).write_bytes(bytes(data))


def _append(path: Path, data: bytes) -> None:
    Path(path).write_bytes(Path(path).read_bytes() + data)
