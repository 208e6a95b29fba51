"""The core's sentences read in German and stay exactly as they were in English.

Each piece the German window once showed in English: recommendation reasons (with their plural
forms), objective summaries, the shipped tracks and triggers, the stage deadline, attention
lines, timeline entries, plan titles, the vault's refusals and the sentences stored in records.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from app.domain.escalation.policy import Trigger
from app.domain.escalation.triggers import count_words, fire, spoken_date
from app.domain.plans.plans import Objective
from app.domain.records import Indicator, IndicatorCategory, Role, RootCause
from app.domain.words.phrases import (
    Labels,
    LongDay,
    Moment,
    Phrase,
    ShortDay,
    Term,
    as_said,
    counted,
    joined,
    listed,
)
from app.domain.words.stored_words import stored_list, stored_text
from app.domain.words.translation import translate
from app.vault.errors import NotAVault, VaultMissing, WrongPassphrase

TODAY = date(2026, 3, 20)
Q, C, MT = (
    IndicatorCategory.QUALITY_GAP,
    IndicatorCategory.COMPLIANCE,
    IndicatorCategory.MISSED_TARGET,
)


def _indicator(category: IndicatorCategory, day: date) -> Indicator:
    return Indicator(case_id=1, observed_on=day, category=category, metric="m")


def _trigger(count: int, within: int) -> Trigger:
    return Trigger(
        name="Compliance risk",
        categories=(C,),
        count=count,
        within_days=within,
        recommend="next",
        high_stakes=True,
    )


# -- phrases ------------------------------------------------------------------------------
def test_a_phrase_is_its_english_text_and_says_itself_in_german() -> None:
    p = Phrase("Leave {stage}", stage=Term("Coaching"))
    assert p == "Leave Coaching" and isinstance(p, str)
    assert p.said_in("en") == "Leave Coaching"
    assert p.said_in("de_DE") == "Phase Coaching beenden"
    assert translate("de", p) == "Phase Coaching beenden"  # translate() knows phrases
    assert json.dumps(p) == '"Leave Coaching"'
    assert copy.deepcopy(p).said_in("de") == "Phase Coaching beenden"


def test_user_text_in_a_phrase_is_never_translated() -> None:
    p = Phrase("Observation by {who}", who="Coaching")  # a name that is also a catalogue word
    assert p.said_in("de") == "Beobachtung von Coaching"
    assert as_said("Coaching", "de") == "Coaching"  # plain text passes untouched


def test_counted_uses_the_plural_rule_of_each_language() -> None:
    one = counted(1, "{n} missed target", "{n} missed targets")
    many = counted(3, "{n} missed target", "{n} missed targets")
    assert (one, many) == ("1 missed target", "3 missed targets")
    assert one.said_in("de") == "1 verfehltes Ziel"
    assert many.said_in("de") == "3 verfehlte Ziele"
    big = counted(1200, "{n} quality gap", "{n} quality gaps")
    assert big == "1,200 quality gaps" and big.said_in("de") == "1.200 Qualitätsmängel"


def test_lists_join_with_and_in_each_language() -> None:
    parts = [counted(1, "{n} quality gap", "{n} quality gaps"), Phrase("Leave {stage}", stage="X")]
    assert listed(parts) == "1 quality gap and Leave X"
    assert listed(parts).said_in("de") == "1 Qualitätsmangel und Phase X beenden"
    assert listed(parts[:1]).said_in("de") == "1 Qualitätsmangel"
    assert joined(["a", "b"]).said_in("de") == "a, b"


def test_days_and_moments_in_a_phrase_follow_the_locale() -> None:
    from datetime import UTC, datetime

    p = Phrase("{reference} · {employee} · was due {day}", reference="C-1", employee="Zoë",
               day=ShortDay.of(date(2026, 12, 3)))  # fmt: skip
    assert p == "C-1 · Zoë · was due 3 Dec"
    assert p.said_in("de") == "C-1 · Zoë · war fällig am 3. Dez."
    said = Phrase("since {day}", day=LongDay.of(date(2025, 12, 30), TODAY))
    assert said == "since 30 December 2025"
    assert Phrase("since {day}", day=LongDay.of(date(2026, 3, 3), TODAY)) == "since 3 March"
    moment = Moment(datetime(2026, 12, 3, 14, 30, tzinfo=UTC))
    text = Phrase("{reference} · {employee} · {when}", reference="C-1", employee="Z", when=moment)
    assert "Dez." in text.said_in("de") and "Dec" in text


def test_labels_are_lower_case_inside_english_sentences_only() -> None:
    causes = Labels((RootCause.WORKLOAD,))
    p = Phrase("{summary} Root causes: {causes}.", summary="Talked.", causes=causes)
    assert p == f"Talked. Root causes: {RootCause.WORKLOAD.label.lower()}."
    german = translate("de", RootCause.WORKLOAD.label)
    assert p.said_in("de") == f"Talked. Ursachen: {german}."


# -- recommendation reasons ---------------------------------------------------------------
def test_a_reason_reads_in_german_with_its_date_counts_and_trigger() -> None:
    hits = [_indicator(C, date(2026, 3, 16))]
    fired = fire(_trigger(1, 365), hits, TODAY)
    assert fired is not None
    assert fired.reason == (
        "1 compliance risk since 16 March (Compliance risk: 1 or more within 365 days)"
    )
    assert translate("de", fired.reason) == (
        "1 Regeltreue-Risiko seit dem 16. März (Regeltreue-Risiko: 1 oder mehr innerhalb von "
        "365 Tagen)"
    )


def test_reason_plurals_in_both_languages() -> None:
    hits = [_indicator(C, date(2026, 3, 19)), _indicator(C, date(2025, 12, 30))]
    fired = fire(_trigger(2, 1000), hits, TODAY)
    assert fired is not None
    assert fired.reason.startswith("2 compliance risks since 30 December 2025 (")
    assert translate("de", fired.reason).startswith(
        "2 Regeltreue-Risiken seit dem 30. Dezember 2025"
    )
    one_day = fire(_trigger(1, 1), [_indicator(C, TODAY)], TODAY)
    assert one_day is not None
    assert one_day.reason.endswith("within 1 day)")
    assert translate("de", one_day.reason).endswith("innerhalb von 1 Tag)")


def test_count_words_and_spoken_dates_in_german() -> None:
    words = count_words({Q: 1, C: 2, MT: 3})
    assert words == "3 missed targets, 1 quality gap and 2 compliance risks"
    assert words.said_in("de") == "3 verfehlte Ziele, 1 Qualitätsmangel und 2 Regeltreue-Risiken"
    assert spoken_date(date(2026, 3, 3), TODAY, "de") == "3. März"
    assert spoken_date(date(2025, 12, 30), TODAY, "de") == "30. Dezember 2025"


# -- objectives, tracks, triggers -----------------------------------------------------------
def test_an_objective_summary_in_german() -> None:
    o = Objective(
        title="Close more tickets", measure="Tickets closed per week", unit="", baseline=28,
        target=40, stretch_target=45, due_on=date(2026, 6, 12),
    )  # fmt: skip
    assert o.summary == "Tickets closed per week: 28 → 40 (stretch 45) by 12 Jun 2026"
    assert o.summary_in("de_DE") == (
        "Tickets closed per week: 28 → 40 (Ehrgeizziel 45) bis 12. Juni 2026"
    )


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ("High-stakes (safety or compliance)", "Mit hoher Tragweite (Sicherheit oder Regeltreue)"),
        ("Compliance risk", "Regeltreue-Risiko"),
        ("Repeated missed targets", "Wiederholt verfehlte Ziele"),
        ("Conclude the case", "Fall abschließen"),
    ],
)
def test_the_shipped_policy_words_have_german(english: str, german: str) -> None:
    assert translate("de", english) == german
    assert translate("en", english) == english


# -- the vault's refusals -------------------------------------------------------------------
def test_the_wrong_passphrase_refusal_in_german_and_english() -> None:
    exc = WrongPassphrase()
    assert str(exc).startswith("The passphrase does not open this vault.")
    german = exc.args[0].said_in("de")
    assert german.startswith("Diese Passphrase öffnet den Tresor nicht.")
    assert "'casepath restore BACKUP --to NEW --check-only'" in german


def test_vault_refusals_keep_paths_and_names_as_given() -> None:
    missing = VaultMissing(Path("/tmp/cases.casepath"))
    assert str(missing) == (
        "There is no vault at /tmp/cases.casepath. Check the path, or create a new vault."
    )
    assert missing.args[0].said_in("de").startswith("Unter /tmp/cases.casepath gibt es keinen")
    wrong = NotAVault(Path("/tmp/notes.txt"), "no header")
    assert wrong.args[0].said_in("de").startswith("notes.txt ist kein Casepath-Tresor (no header)")


# -- sentences stored in records ------------------------------------------------------------
def test_stored_track_change_and_approval_sentences_read_in_german() -> None:
    track = stored_text("Track changed from Standard to High-stakes")
    assert track == "Track changed from Standard to High-stakes"
    assert as_said(track, "de") == "Verfahrensweg von Standard zu Mit hoher Tragweite gewechselt"
    signed = stored_text("Safety finding. Approved by Lee Lead (HR lead).")
    assert as_said(signed, "de") == "Safety finding. Genehmigt von Lee Lead (Personalleitung)."
    approvals = stored_list(("Manager Ola Nordmann reviewed on 16 Mar 2026",))
    assert approvals == "Manager Ola Nordmann reviewed on 16 Mar 2026"
    assert as_said(approvals, "de") == "Führungskraft Ola Nordmann, geprüft am 16. März 2026"


def test_the_officers_own_text_is_not_recognised_as_a_stored_sentence() -> None:
    for text in ("Track changed from the old way", "Moved desks", "", "Approved by Sam"):
        assert stored_text(text) == text and not isinstance(stored_text(text), Phrase)


def test_roles_in_phrases_use_the_role_label() -> None:
    p = Phrase("{name} ({role})", name="Hana Officer", role=Role.HR_OFFICER)
    assert p == "Hana Officer (HR officer)"
    assert p.said_in("de") == "Hana Officer (Personalreferent/in)"
