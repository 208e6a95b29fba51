"""A whole case worked from the command line alone, as a script would: from an empty vault to
a closed case, then verify. Along the way the policy's rights refuse a write with the role
needed, an unknown --officer is refused with the officers' names, listings answer --json,
the pack carries the audit appendix and the chain head, and a backup names its head. The
writes that only the window could once do are used too (a draft plan edited in place, a
check-in marking micro-goals, a review moved, an attachment saved out, a stored pack
exported), each checked through the services, as the window would show it."""

from __future__ import annotations

import json
from datetime import date, timedelta

from pypdf import PdfReader

from app.resource_paths import resource_path
from app.services.services import open_vault
from tests.e2e.cli_runner import run_casepath

PASS = "cli walk passphrase here"
TODAY = date.today()
T = TODAY.isoformat()
REF = f"C-{TODAY.year}-0001"


def casepath(*args: object, check: bool = True):
    return run_casepath(*args, passphrase=PASS, check=check)


def as_json(*args: object):
    return json.loads(casepath(*args, "--json").stdout)


def stored(vault, look):
    """What the services (so the window) see in the vault now."""
    services = open_vault(vault, PASS)
    try:
        return look(services)
    finally:
        services.close()


def test_a_case_from_new_case_to_close_from_the_cli_alone(tmp_path):
    v = tmp_path / "walk.casepath"
    casepath("init", v, "--name", "Hana Officer")
    casepath("officer", "add", v, "Bea Lead", "--role", "lead")
    # Decisions are the HR lead's in this vault's policy.
    policy = tmp_path / "policy.toml"
    policy.write_text(
        resource_path("policy", "default.toml").read_text("utf-8")
        + '\n[rights]\ndecision = ["hr_lead"]\n',
        "utf-8",
    )
    casepath("policy", v, "--import", policy)

    casepath(
        "new-employee", v, "--number", "E1", "--name", "Zoë Ångström",
        "--department", "Operations", "--manager", "Ola Nordmann",
    )  # fmt: skip
    opened = as_json("new-case", v, "--employee", "E1")
    assert opened["reference"] == REF and opened["stage"] == "early_conversation"
    conv = as_json(
        "conversation", v, REF, "--held", T, "--summary", "Missed deadlines",
        "--attendee", "Zoë Ångström", "--attendee", "Ola Nordmann", "--root-cause", "workload",
    )  # fmt: skip
    casepath(
        "indicator", v, REF, "--observed", T, "--category", "missed_target",
        "--metric", "Tickets closed", "--expected", 40, "--actual", 28, "--source", "Desk",
    )  # fmt: skip
    casepath("observation", v, REF, "--observed", T, "--author", "Sam Lee", "--text", "Hand-overs")
    note = tmp_path / "note.txt"
    note.write_text("agenda notes", "utf-8")
    casepath("attach", v, "conversation", conv["id"], note)
    (attachment,) = as_json("attachments", v, REF)
    assert attachment["filename"] == "note.txt" and attachment["record_id"] == conv["id"]
    saved = tmp_path / "note-copy.txt"
    casepath("attachment-save", v, attachment["id"], "--out", saved)
    assert saved.read_text("utf-8") == "agenda notes"
    again = casepath("attachment-save", v, attachment["id"], "--out", saved, check=False)
    assert again.returncode == 2 and "already exists" in again.stderr
    employees = as_json("employees", v)
    assert [(e["employee_number"], e["name"]) for e in employees] == [("E1", "Zoë Ångström")]

    casepath("approve", v, REF, "coaching", "--role", "hr_officer")
    casepath("advance", v, REF, "coaching", "--role", "manager", "--actor", "Ola Nordmann",
             "--reason", "The gap persists")  # fmt: skip
    plan = {
        "starts_on": T,
        "ends_on": (TODAY + timedelta(days=60)).isoformat(),
        "manager": "Ola Nordmann",
        "hr_officer": "Hana Officer",
        "objectives": [
            {
                "title": "Close more tickets",
                "measure": "Tickets per week",
                "baseline": 28,
                "target": 40,
                "due_on": (TODAY + timedelta(days=50)).isoformat(),
            }
        ],
    }
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan), "utf-8")
    objective = as_json("plan-create", v, REF, "--from-json", plan_file)["objectives"][0]
    # Before the walk-through the draft is edited in place: same version, same objective.
    plan["objectives"][0].update(
        target=42,
        micro_goals=[
            {"title": "Clear the backlog", "due_on": (TODAY + timedelta(days=7)).isoformat()}
        ],
    )
    plan_file.write_text(json.dumps(plan), "utf-8")
    edited = as_json("plan-edit", v, REF, "--from-json", plan_file)
    assert edited["version"] == 1 and edited["objectives"] == [objective]
    draft = stored(v, lambda s: s.plans.active(s.cases.by_reference(REF).id))
    assert draft.version == 1 and draft.objectives[0].target == 42 and not draft.is_agreed
    (goal,) = draft.objectives[0].micro_goals
    casepath("plan-agree", v, REF, "--on", T)
    late_edit = casepath("plan-edit", v, REF, "--from-json", plan_file, check=False)
    assert late_edit.returncode == 2 and "plan-revise" in late_edit.stderr
    casepath("conversation", v, REF, "--held", T, "--kind", "coaching", "--summary", "Coaching",
             "--attendee", "Zoë Ångström")  # fmt: skip

    casepath("approve", v, REF, "formal_concern", "--role", "hr_officer")
    casepath("approve", v, REF, "formal_concern", "--role", "hr_lead", "--officer", "Bea Lead")
    casepath("advance", v, REF, "formal_concern", "--role", "manager", "--actor", "Ola Nordmann",
             "--reason", "Targets missed")  # fmt: skip
    casepath("conversation", v, REF, "--held", T, "--kind", "formal_concern", "--summary",
             "Formal meeting", "--attendee", "Zoë Ångström",
             "--agreed-action", "A written plan")  # fmt: skip

    decide = ("decision", v, REF, "--decided", T, "--by", "Ola Nordmann", "--role", "manager",
              "--summary", "A written improvement plan")  # fmt: skip
    refused = casepath(*decide, check=False)
    assert refused.returncode == 2
    assert "need the HR lead role; Hana Officer is HR officer" in refused.stderr
    assert as_json("records", v, REF) and not [
        r for r in as_json("records", v, REF) if r["kind"] == "decision"
    ]
    unknown = casepath(*decide, "--officer", "Nobody Here", check=False)
    assert unknown.returncode == 2 and "Officers: Hana Officer, Bea Lead" in unknown.stderr
    casepath(*decide, "--officer", "Bea Lead")

    casepath("approve", v, REF, "improvement_plan", "--role", "hr_lead", "--officer", "Bea Lead")
    casepath("advance", v, REF, "improvement_plan", "--role", "manager", "--actor",
             "Ola Nordmann", "--reason", "Plan agreed")  # fmt: skip
    casepath("conversation", v, REF, "--held", T, "--kind", "check_in", "--summary", "Check-in",
             "--attendee", "Zoë Ångström", "--goal", f"{goal.uid}=done:Backlog cleared",
             )  # fmt: skip
    marked = stored(v, lambda s: s.plans.active(s.cases.by_reference(REF).id))
    assert marked.objectives[0].micro_goals[0].status.value == "done"
    assert marked.objectives[0].micro_goals[0].note == "Backlog cleared"
    casepath("plan-progress", v, REF, "--objective", objective, "--on", T, "--note", "31 closed",
             "--value", 31)  # fmt: skip
    casepath("review", v, REF, "--schedule", f"{T}T00:00", "--place", "Room 4")
    (review,) = as_json("review", v, REF)
    assert review["outcome"] is None
    casepath("review-reschedule", v, review["review"]["id"], "--at", f"{T}T23:00", "--place",
             "Room 5", "--observer", "Neutral Person", "--reason", "Room 4 is booked")  # fmt: skip
    moved = stored(v, lambda s: s.reviews.get(review["review"]["id"]))
    assert (moved.location, moved.starts_at.hour, moved.sequence) == ("Room 5", 23, 1)
    assert "Neutral Person" in {p.name for p in moved.participants}
    assert moved.note == "Room 4 is booked"

    casepath("approve", v, REF, "formal_review", "--role", "manager")
    casepath("approve", v, REF, "formal_review", "--role", "hr_lead", "--officer", "Bea Lead")
    casepath("advance", v, REF, "formal_review", "--role", "hr_officer", "--actor",
             "Ola Nordmann", "--reason", "Review due")  # fmt: skip
    casepath("review-outcome", v, review["review"]["id"], "--held", T, "--decision",
             "close_as_improved", "--summary", "Targets met", "--attended",
             "employee=Zoë Ångström", "--assess", f"{objective}=met")  # fmt: skip
    assert as_json("review", v, REF)[0]["outcome"]["decision"] == "close_as_improved"

    casepath("approve", v, REF, "outcome", "--role", "manager")
    casepath("approve", v, REF, "outcome", "--role", "hr_lead", "--officer", "Bea Lead")
    casepath("advance", v, REF, "outcome", "--role", "hr_officer", "--actor", "Ola Nordmann",
             "--reason", "Improved")  # fmt: skip
    # The policy's stage actions are enforced: the outcome stage lists no check-in.
    late_check_in = casepath("conversation", v, REF, "--held", T, "--kind", "check_in",
                             "--summary", "Check-in", "--attendee", "Zoë Ångström",
                             check=False)  # fmt: skip
    assert late_check_in.returncode == 2
    assert (
        "record a check-in while a case is in Outcome; it may be done in Early conversation, "
        "Coaching, Formal concern, Improvement plan." in late_check_in.stderr
    )
    casepath("decision", v, REF, "--decided", T, "--by", "Ola Nordmann", "--role", "manager",
             "--summary", "Close as improved", "--officer", "Bea Lead")  # fmt: skip

    pack = tmp_path / "pack.pdf"
    casepath("pack", v, REF, "--meeting", "outcome", "--out", pack, "--with-audit")
    text = " ".join(p.extract_text() for p in PdfReader(pack).pages)
    assert "Audit trail of this case" in text and "Hana Officer opened case " + REF in text
    (kept,) = as_json("packs", v, REF)
    assert f"Audit chain event {kept['head_seq']}" in text
    exported = tmp_path / "pack-again.pdf"
    casepath("pack-export", v, kept["id"], "--out", exported)
    assert exported.read_bytes() == pack.read_bytes()
    status = tmp_path / "status.txt"
    casepath("status-update", v, REF, "--out", status)
    assert status.read_text("utf-8") == casepath("status-update", v, REF).stdout

    casepath("close", v, REF, "--outcome", "improved", "--role", "hr_officer", "--reason",
             "Improved", "--actor", "Ola Nordmann")  # fmt: skip
    assert as_json("cases", v) == []  # no open case left
    late = casepath("observation", v, REF, "--observed", T, "--author", "A", "--text", "B",
                    check=False)  # fmt: skip
    assert late.returncode == 2 and "closed" in late.stderr

    backup = casepath("backup", v, "--out", tmp_path / "b.casepath").stdout
    assert "It holds the audit chain up to event" in backup
    trail = as_json("audit", v, "--case", REF)
    assert {
        "case.open",
        "decision.add",
        "review.outcome",
        "pack.generate",
        "plan.update",
        "plan.micro_goal",
        "review.reschedule",
        "attachment.save_as",
        "pack.export",
        "case.status_update",
    } <= {e["action"] for e in trail}
    assert {e["officer"] for e in trail} == {"Hana Officer", "Bea Lead"}
    verified = casepath("verify", v).stdout
    assert "Audit chain intact" in verified and "match the audit chain" in verified
