"""Counts, time zones and file types in words: the half of `labels.py` that imports nothing.

`labels.py` turns the domain's enumerations into words and so imports the records; these
helpers are needed by the records themselves (an exception describes its "5 business days"),
so they live here, free of imports, and `labels.py` re-exports them.
"""

from __future__ import annotations

_IRREGULAR = {"person": "people"}


def _regular_plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def plural(count: int, singular: str, many: str | None = None) -> str:
    """'1 review', '3 reviews', '0 reviews' — never '1 review(s)'.

    English only: a translation (issue 14) needs Qt's %n plural forms instead.
    """
    if count == 1:
        return f"1 {singular}"
    if many is None:
        many = _IRREGULAR.get(singular) or _regular_plural(singular)
    return f"{count:,} {many}"


def zone_label(zone_id: str) -> str:
    """'Europe/London' → 'London time'; what an officer reads instead of a tz database id."""
    if not zone_id or "/" not in zone_id:
        return zone_id or ""
    return zone_id.rsplit("/", 1)[1].replace("_", " ") + " time"


_FILE_KINDS = {
    "application/pdf": "PDF document",
    "image/png": "PNG image",
    "image/jpeg": "JPEG image",
    "text/plain": "Text file",
    "text/csv": "CSV spreadsheet",
    "application/msword": "Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
    "application/vnd.ms-excel": "Excel spreadsheet",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel spreadsheet",
    "application/vnd.oasis.opendocument.text": "OpenDocument text",
    "message/rfc822": "E-mail message",
}


def file_kind(media_type: str) -> str:
    """'application/pdf' → 'PDF document': a file's type as an officer names it."""
    if media_type in _FILE_KINDS:
        return _FILE_KINDS[media_type]
    major, _, minor = (media_type or "").partition("/")
    if major in ("image", "audio", "video") and minor:
        return f"{minor.split('+')[0].upper()} {major}"
    return "File"
