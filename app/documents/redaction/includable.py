"""The free-text fields a redacted summary may include (``--include``), apart from the
redaction machinery so the command line can list them without importing it."""

from __future__ import annotations

INCLUDABLE: dict[str, str] = {
    "stage_reasons": "the reason given for each stage change",
    "decisions": "decision summaries and rationales",
    "exception_reasons": "the details of each exception",
    "conversation_summaries": "conversation summaries, expectations and constraints",
    "agreed_actions": "actions agreed in conversations",
    "observations": "the text of qualitative observations",
    "indicator_metrics": "indicator metric names, sources and notes",
    "objectives": "coaching-plan objective titles and measures",
    "review_summaries": "summaries of earlier reviews",
}
