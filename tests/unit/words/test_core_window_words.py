"""The core words the window shows (timeline, flags, attention, recommendation) read in German
from the core catalogue, while the English words stay exactly as they were."""

from __future__ import annotations

from datetime import date

from app.domain.escalation.flags import Flag, flag_words
from app.domain.plans.reviews import ReviewDecision
from app.domain.words.translation import translate
from app.services.cases.timeline import KIND_WORDS, Term, TimelineEvent


def _review_held() -> TimelineEvent:
    decision = ReviewDecision.CONTINUE
    return TimelineEvent(
        date(2026, 12, 3),
        "review",
        "Formal review",
        f"Review held: {decision.label.lower()}",
        words=("Review held: {decision}", {"decision": decision}),
    )


def test_timeline_titles_read_in_german_and_stay_english_in_english() -> None:
    event = _review_held()
    assert event.title_in("en") == "Review held: continue the plan"
    assert event.title_in("de_DE") == "Überprüfung abgehalten: Plan fortsetzen"
    assert event.kind_in("de") == "Formelle Überprüfung"
    assert event.kind_in("en") == "Formal review"


def test_a_stage_term_in_a_title_is_translated_but_user_text_is_not() -> None:
    moved = TimelineEvent(
        date(2026, 12, 3),
        "stage_change",
        "Stage change",
        "Moved from Coaching to Formal review",
        words=(
            "Moved from {old} to {new}",
            {"old": Term("Coaching"), "new": Term("Formal review")},
        ),
    )
    assert moved.title_in("de").endswith("nach Formelle Überprüfung gewechselt")
    progress = TimelineEvent(
        date(2026, 12, 3),
        "progress",
        "Progress",
        "Progress: Progress",
        words=("Progress: {title}", {"title": "Progress"}),
    )
    assert progress.title_in("de") == "Fortschritt: Progress"  # an objective's title as typed


def test_every_timeline_kind_has_german_words() -> None:
    untranslated = [k for k in KIND_WORDS if translate("de", k) == k]
    assert untranslated == []


def test_flag_words_in_german_keep_each_label_and_english_is_unchanged() -> None:
    flags = {Flag.STALLED, Flag.OVERDUE}
    assert flag_words(flags) == "Overdue, stalled"
    assert flag_words(flags, "en_GB") == "Overdue, stalled"
    assert flag_words(flags, "de") == "Überfällig, Ins Stocken geraten"
    assert flag_words(set(), "de") == ""


def test_attention_titles_and_the_recommendation_note_have_german_words() -> None:
    for message in (
        "Overdue steps",
        "Reviews this week",
        "Approvals waiting",
        "No indicator threshold is reached; no step is recommended.",
    ):
        assert translate("de", message) != message


def test_the_no_further_step_note_names_the_stage_in_german() -> None:
    from app.domain.escalation.triggers import Recommendation

    message = (
        "Thresholds are reached, but the case is already at {stage}; "
        "no further step is recommended."
    )
    rec = Recommendation(
        None,
        ["x"],
        note=message.format(stage="Formal review"),
        note_words=(message, "Formal review"),
    )
    assert rec.note_in("en") == rec.note
    assert rec.note_in("de") == (
        "Schwellenwerte sind erreicht, aber der Fall ist bereits in der Phase "
        "Formelle Überprüfung; kein weiterer Schritt wird empfohlen."
    )
