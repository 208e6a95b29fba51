"""Every fixed word the redacted summary (and the calibration report) prints, declared once.

The builder (`redaction.build_redacted_pdf`, `RedactedSummary.rows`/`to_json`) prints only
these phrases, the labels of the domain's vocabulary, pseudonyms and data; the verifier skips a
block made only of them, so an officer called "Root" or "Hana Officer" does not make every
"Root causes identified" or "HR officer" heading a refusal.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import fields

from app.documents.pdf import calibration_report

TITLE = "Redacted case summary"
NOTE = "Pseudonyms hold only within this document."
NONE_RECORDED = "None recorded."
NO_FREE_TEXT = "none (structured facts only)"
MARKING = "Confidential – redacted summary"

FACT_LABELS = (
    "Fact", "Value", "Case reference", "Employee", "Department", "Track", "Current stage",
    "Status", "Opened", "Closed", "Outcome", "Free text included",
)  # fmt: skip
SECTIONS = (
    "People (pseudonyms)", "Stage history", "Decisions", "Exceptions", "Review outcomes",
    "Included free text", "Indicators by category", "Conversations by kind",
    "Root causes identified", "Plan objectives by category", "Micro-goals by status",
    "Resources by kind",
)  # fmt: skip
COLUMNS = (
    "Pseudonym", "Role", "Date", "Stage", "Decided by", "Approved by", "Reason (if included)",
    "What", "Who", "Details (if included)", "Category", "Count", "First", "Last",
)  # fmt: skip
# Words the summary's generated descriptions use ("Decision by manager", "Indicator (Quality
# gap)", "Coaching conversation", "Objective (Output)").
GENERATED = (
    "opened", "Decision by", "decision-maker", "status not recorded", "conversation",
    "Agreed actions", "Observation", "Indicator", "Objective", "—", "→",
)  # fmt: skip
# Page frame (page_template): marking, reference, date, page numbers.
FRAME = ("Confidential – HR", "Case", "Generated", "page", "of")
# The frame's own format strings and the summary's generated phrases, as the catalogue holds
# them (their placeholders are filled with pseudonyms, dates and labels).
FRAME_WORDS = ("Case {reference}", "Generated {date}", "page {number} of {total}")
DECLARED = (
    "Decision by {role}", "{kind} conversation", "Indicator ({category})",
    "Objective ({category})", "Withheld (generalised)", "status not recorded",
    "decision-maker", "opened", "Agreed actions", "Observation",
)  # fmt: skip
# Pseudonyms are "<role> <letters>"; these are the roles.
PSEUDONYM_ROLES = (
    "Employee", "Manager", "Supervisor", "HR officer", "HR representative", "HR lead",
    "Executive sponsor", "Observer", "Peer", "Stakeholder", "Reviewer", "Attendee",
    "Provider", "Person",
)  # fmt: skip
# Document information (redaction.redacted_metadata, page_template's producer and creator).
METADATA_SUBJECT = "Casepath redacted summary"
METADATA_KEYWORDS = ("Casepath", "HR", "redacted")
METADATA = (METADATA_SUBJECT, *METADATA_KEYWORDS, "reportlab", "anonymous", "unspecified")
SPREADSHEET = ("section", "date", "item", "who", "value", "casepath-redacted-summary")


# What the calibration report prints around its figures, taken from the strings it prints
# (`calibration_report.fixed_wording`), and what reportlab writes into its document information.
CALIBRATION = (
    *calibration_report.fixed_wording(),
    "ReportLab PDF Library - (opensource)", "False", "True", "None",
)  # fmt: skip


def vocabulary() -> set[str]:
    """Every label of the domain's enumerations (stages come from the policy)."""
    import app.domain.attachments  # noqa: F401 - import every module defining labels
    import app.domain.escalation.escalation_records  # noqa: F401
    import app.domain.escalation.flags  # noqa: F401
    import app.domain.plans.plans  # noqa: F401
    import app.domain.plans.reviews  # noqa: F401
    from app.domain.records import LabelledEnum

    out: set[str] = set()
    pending = list(LabelledEnum.__subclasses__())
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        for member in cls:
            out.update({member.label, member.value, member.label + " (reviewed)"})
    return out


def _field_names() -> set[str]:
    from app.documents.redaction import redaction as r

    out = {"format", "version"}
    for cls in (r.RedactedSummary, r.RedactedStage, r.RedactedEvent, r.CountRow):
        out.update(f.name for f in fields(cls))
    out.update(r.INCLUDABLE)
    return out


def policy_stage_names() -> set[str]:
    """Stage names of the shipped default policy (a vault's own policy is added by the service)."""
    from app.domain.escalation.policy import PolicyError, load_policy
    from app.resource_paths import resource_path

    try:
        text = resource_path("policy", "default.toml").read_text(encoding="utf-8")
        policy = load_policy(text, "default.toml")
    except (OSError, PolicyError):  # the vocabulary is a courtesy, never a failure
        return set()
    return {policy.stage_name(k) for k in policy.stage_keys}


def in_every_language(texts: Iterable[str]) -> tuple[str, ...]:
    """Each phrase as English and as each catalogue writes it (a German summary prints
    "Phasenverlauf" where an English one prints "Stage history")."""
    from app.domain.words.translation import LANGUAGES, translate

    out = dict.fromkeys(texts)
    for lang in LANGUAGES:
        out |= dict.fromkeys(translate(lang, t) for t in list(out))
    runs: dict[str, None] = {}
    for text in out:  # a format string's words between its placeholders
        runs |= dict.fromkeys(r.strip() for r in re.split(r"\{[^}]*\}", text))
    return tuple(r for r in runs if r)


def calendar_words() -> tuple[str, ...]:
    """Month and weekday names as dates print them in every document language."""
    from babel.dates import get_day_names, get_month_names

    from app.domain.words.formats import Formats
    from app.domain.words.translation import LANGUAGES

    out: list[str] = []
    for lang in LANGUAGES:
        loc = Formats(lang).locale
        for width in ("wide", "abbreviated"):
            out += get_month_names(width, locale=loc).values()
            out += get_day_names(width, locale=loc).values()
    return tuple(out)


@functools.cache
def phrases() -> tuple[str, ...]:
    return in_every_language(
        {
            TITLE, NOTE, NONE_RECORDED, NO_FREE_TEXT, MARKING,
            *FACT_LABELS, *SECTIONS, *COLUMNS, *GENERATED, *FRAME, *FRAME_WORDS,
            *PSEUDONYM_ROLES, *SPREADSHEET, *METADATA, *CALIBRATION,
            *vocabulary(), *_field_names(), *policy_stage_names(), *DECLARED,
        }
    ) + calendar_words()  # fmt: skip
