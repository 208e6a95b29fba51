"""Counts, time zones and file types in words: the half of `labels.py` that imports nothing.

`labels.py` turns the domain's enumerations into words and so imports the records; these
helpers are needed by the records themselves (an exception describes its "5 business days"),
so they live here, free of the records, and `labels.py` re-exports them. ``language`` is a
document or interface language ("en", "de", "de_DE"); None means English.
"""

from __future__ import annotations

from app.domain.words.translation import N_, translate

_IRREGULAR = {"person": "people"}


def _regular_plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def plural(count: int, singular: str, many: str | None = None) -> str:
    """'1 review', '3 reviews', '0 reviews' — never '1 review(s)'.

    English only, for the CLI's and the core's own English messages; words that are
    translated go through `app.domain.words.formats.Formats.count` (the catalogue's plural rule).
    """
    if count == 1:
        return f"1 {singular}"
    if many is None:
        many = _IRREGULAR.get(singular) or _regular_plural(singular)
    return f"{count:,} {many}"


def zone_label(zone_id: str, language: str | None = None) -> str:
    """'Europe/London' → 'London time' ('Ortszeit London'); never a tz database id."""
    if not zone_id or "/" not in zone_id:
        return zone_id or ""
    city = zone_id.rsplit("/", 1)[1].replace("_", " ")
    return translate(language, "{city} time").format(city=city)


_FILE_KINDS = {
    "application/pdf": N_("PDF document"),
    "image/png": N_("PNG image"),
    "image/jpeg": N_("JPEG image"),
    "text/plain": N_("Text file"),
    "text/csv": N_("CSV spreadsheet"),
    "application/msword": N_("Word document"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": N_("Word document"),
    "application/vnd.ms-excel": N_("Excel spreadsheet"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": N_("Excel spreadsheet"),
    "application/vnd.oasis.opendocument.text": N_("OpenDocument text"),
    "message/rfc822": N_("E-mail message"),
}
_MEDIA = {
    "image": N_("{format} image"),
    "audio": N_("{format} audio"),
    "video": N_("{format} video"),
}


def file_kind(media_type: str, language: str | None = None) -> str:
    """'application/pdf' → 'PDF document' ('PDF-Dokument'): a file's type as people name it."""
    if media_type in _FILE_KINDS:
        return translate(language, _FILE_KINDS[media_type])
    major, _, minor = (media_type or "").partition("/")
    if major in _MEDIA and minor:
        return translate(language, _MEDIA[major]).format(format=minor.split("+")[0].upper())
    return translate(language, "File")
