"""Counts, time zones and file types in words."""

from __future__ import annotations

import pytest

from app.domain.words.wording import file_kind, plural, zone_label


@pytest.mark.parametrize(
    ("count", "word", "expected"),
    [
        (1, "event", "1 event"),
        (0, "event", "0 events"),
        (3, "business day", "3 business days"),
        (2, "entry", "2 entries"),
        (2, "key", "2 keys"),
        (2, "match", "2 matches"),
        (2, "person", "2 people"),
        (12_345, "case", "12,345 cases"),
    ],
)
def test_plural(count, word, expected):
    assert plural(count, word) == expected


def test_zone_and_file_kind():
    assert zone_label("Europe/London") == "London time"
    assert zone_label("America/New_York") == "New York time"
    assert zone_label("UTC") == "UTC"
    assert file_kind("application/pdf") == "PDF document"
    assert file_kind("image/svg+xml") == "SVG image"
    assert file_kind("application/x-unknown") == "File"
