"""The core's German catalogue is complete, compiled from its .po, and used by the labels."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.plans.reviews import ParticipantRole
from app.domain.records import Outcome, Role, RootCause, Track
from app.domain.words.labels import label, stage_label, value_labels
from app.domain.words.translation import language_of, parse_language, translate
from app.domain.words.wording import file_kind, zone_label

ROOT = Path(__file__).resolve().parents[3]


def _tool():
    spec = importlib.util.spec_from_file_location(
        "core_catalogue", ROOT / "tools/core_catalogue.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_core_message_has_a_german_translation_and_the_mo_is_current():
    """Fails on a new word without German, or on a .po edited without recompiling
    (fix: python tools/core_catalogue.py, translate, run it again)."""
    problems = _tool().problems()
    assert not problems, "\n".join(problems[:20])


def test_the_check_notices_a_missing_word(monkeypatch):
    tool = _tool()
    real = tool.computed_messages
    monkeypatch.setattr(tool, "computed_messages", lambda: [*real(), "A word nobody translated"])
    assert "de: no translation of 'A word nobody translated'" in tool.problems()


def test_domain_values_read_in_german():
    assert label(Track.HIGH_STAKES, "de") == "Mit hoher Tragweite"
    assert label(Role.HR_OFFICER, "de_DE") == "Personalreferent/in"
    assert label(Outcome.IMPROVED, "de") == "Verbessert und abgeschlossen"
    assert label(RootCause.WORKLOAD, "de") == "Arbeitslast"
    assert label(ExceptionKind.EXTEND, "de") == "Fristverlängerung"
    assert label(ParticipantRole.OBSERVER, "de") == "Neutrale beobachtende Person"
    assert stage_label("formal_concern", language="de") == "Förmliche Beanstandung"
    assert stage_label("coaching", {"coaching": "Coaching"}, "en") == "Coaching"
    assert zone_label("Europe/Berlin", "de") == "Ortszeit Berlin"
    assert zone_label("America/New_York") == "New York time"
    assert file_kind("application/pdf", "de") == "PDF-Dokument"
    assert file_kind("image/svg+xml", "de") == "SVG-Bild"
    assert label(None, "de") == ""


def test_every_label_has_german_words_not_keys():
    german = value_labels(language="de")
    english = value_labels()
    assert german.keys() == english.keys()
    untranslated = {
        k: v for k, v in german.items() if v == english[k] and v not in ("Standard", "Coaching")
    }
    assert not untranslated
    assert all("_" not in v for v in german.values())


def test_languages_are_parsed_and_unknown_ones_refused():
    assert [parse_language(t) for t in ("de", "Deutsch", "german", "EN", "de_AT")] == [
        "de",
        "de",
        "de",
        "en",
        "de",
    ]
    with pytest.raises(ValueError, match="choose en"):
        parse_language("fr")
    assert language_of("fr_FR") == "en"
    assert translate("fr", "Stage history") == "Stage history"
    assert translate("de", "Stage history") == "Phasenverlauf"
