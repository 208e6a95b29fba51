"""The verbs added for CLI parity, in-process (the e2e walk runs them as a subprocess): a draft
plan edited in place and refused once agreed, a review moved and refused once cancelled, a
check-in's micro-goal marks, attachments saved out, a stored pack exported, and the listings'
--json. Every refusal exits 2 with a message saying what to do."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from app.cli import main
from app.domain.records import Officer
from app.services.services import create_vault, open_vault
from tests.conftest import PASSPHRASE
from tests.factories import open_case

TODAY = date.today()  # the CLI runs on the system clock


@pytest.fixture
def vault(vault_path, monkeypatch):
    """A case in Coaching (which lists plans, reviews and check-ins), opened days ago."""
    monkeypatch.setenv("CASEPATH_PASSPHRASE", PASSPHRASE)
    services = create_vault(vault_path, PASSPHRASE, Officer(name="Hana Officer"))
    case = open_case(services, stage="coaching", opened_on=TODAY - timedelta(days=3))
    services.close()
    return vault_path, case.reference


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def look(vault_path, what):
    services = open_vault(vault_path, PASSPHRASE)
    try:
        return what(services)
    finally:
        services.close()


def plan_json(target: float, goal: str = "First quick win") -> dict:
    day = lambda n: (TODAY + timedelta(days=n)).isoformat()  # noqa: E731
    return {
        "starts_on": day(0),
        "ends_on": day(60),
        "manager": "Ola Nordmann",
        "hr_officer": "Hana Officer",
        "objectives": [
            {
                "title": "Close more tickets",
                "measure": "Tickets per week",
                "baseline": 28,
                "target": target,
                "due_on": day(50),
                "micro_goals": [{"title": goal, "due_on": day(10)}],
            }
        ],
    }


def test_a_draft_plan_is_edited_in_place_and_refused_once_agreed(vault, capsys, tmp_path):
    v, ref = vault
    file = tmp_path / "plan.json"
    file.write_text(json.dumps(plan_json(40)), "utf-8")
    code, _, err = run(capsys, "plan-edit", v, ref, "--from-json", file)
    assert code == 2 and "has no active coaching plan; create one with plan-create" in err
    code, out, _ = run(capsys, "plan-create", v, ref, "--from-json", file, "--json")
    created = json.loads(out)
    file.write_text(json.dumps(plan_json(44, "A renamed quick win")), "utf-8")
    code, out, _ = run(capsys, "plan-edit", v, ref, "--from-json", file)
    assert code == 0 and out.strip() == f"Saved plan v1 of {ref} (1 objectives; not yet agreed)."
    plan = look(v, lambda s: s.plans.active(s.cases.by_reference(ref).id))
    assert (plan.id, plan.version, plan.objectives[0].target) == (created["id"], 1, 44)
    assert plan.objectives[0].uid == created["objectives"][0]  # kept: same title
    assert plan.objectives[0].micro_goals[0].title == "A renamed quick win"
    bad = plan_json(44)
    del bad["objectives"][0]["target"]
    file.write_text(json.dumps(bad), "utf-8")
    code, _, err = run(capsys, "plan-edit", v, ref, "--from-json", file)
    assert code == 2 and "target" in err and "Traceback" not in err
    assert run(capsys, "plan-agree", v, ref, "--on", TODAY)[0] == 0
    file.write_text(json.dumps(plan_json(45)), "utf-8")
    code, _, err = run(capsys, "plan-edit", v, ref, "--from-json", file)
    assert code == 2 and "change it with plan-revise" in err
    actions = look(v, lambda s: [e.action for e in s.vault.audit_events("coaching_plan")])
    assert actions == ["plan.create", "plan.update", "plan.agree"]


def test_a_review_is_moved_and_a_cancelled_one_is_refused(vault, capsys):
    v, ref = vault
    when = (TODAY + timedelta(days=7)).isoformat()
    code, _, err = run(capsys, "review", v, ref, "--schedule", f"{when}T10:00", "--place", "R1",
                       "--supervisor", "Ola Nordmann", "--observer", "Sam Lee")  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, "review-reschedule", v, 1, "--at", "next week", "--reason", "x")
    assert code == 2 and "write it like 2026-03-20T10:00" in err
    code, _, err = run(capsys, "review-reschedule", v, 1, "--minutes", 90, "--reason", "  ")
    assert code == 2 and "Say why the review changes" in err
    code, out, _ = run(capsys, "review-reschedule", v, 1, "--minutes", 90, "--observer", "",
                       "--reason", "Longer slot", "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["id"] == 1
    review = look(v, lambda s: s.reviews.get(1))
    assert (review.duration_minutes, review.location, review.sequence) == (90, "R1", 1)
    assert [p.role.value for p in review.participants] == ["employee", "supervisor"]
    assert run(capsys, "review-cancel", v, 1, "--reason", "Manager ill")[0] == 0
    code, _, err = run(capsys, "review-reschedule", v, 1, "--place", "R2", "--reason", "y")
    assert code == 2 and "only a scheduled review can be changed" in err
    code, _, err = run(capsys, "review-reschedule", v, 99, "--reason", "y")
    assert code == 2 and "Traceback" not in err


def test_a_check_in_marks_micro_goals_and_bad_marks_are_refused(vault, capsys, tmp_path):
    v, ref = vault
    file = tmp_path / "plan.json"
    file.write_text(json.dumps(plan_json(40)), "utf-8")
    assert run(capsys, "plan-create", v, ref, "--from-json", file)[0] == 0
    goal = look(v, lambda s: s.plans.active(s.cases.by_reference(ref).id)).objectives[0]
    goal = goal.micro_goals[0].uid
    talk = ("conversation", v, ref, "--held", TODAY, "--summary", "Check-in", "--attendee", "Zoë")
    code, _, err = run(capsys, *talk, "--goal", f"{goal}=done")
    assert code == 2 and "give --kind check_in" in err
    code, _, err = run(capsys, *talk, "--kind", "check_in", "--goal", "done")
    assert code == 2 and "is not UID=STATUS" in err
    code, _, err = run(capsys, *talk, "--kind", "check_in", "--goal", f"{goal}=finished")
    assert code == 2 and "finished" in err
    code, _, err = run(capsys, *talk, "--kind", "check_in", "--goal", "nope=done")
    assert code == 2 and "not in the active plan" in err
    assert look(v, lambda s: s.cases.conversations(s.cases.by_reference(ref).id)) == []
    code, _, err = run(capsys, *talk, "--kind", "check_in", "--goal", f"{goal}=done:Went well")
    assert code == 0, err
    marked = look(v, lambda s: s.plans.active(s.cases.by_reference(ref).id)).objectives[0]
    assert (marked.micro_goals[0].status.value, marked.micro_goals[0].note) == ("done", "Went well")


def test_attachments_are_listed_and_saved_out_and_a_stored_pack_exported(vault, capsys, tmp_path):
    v, ref = vault
    talk = ("conversation", v, ref, "--held", TODAY, "--summary", "Talk", "--attendee", "Zoë")
    assert run(capsys, *talk)[0] == 0
    note = tmp_path / "n.txt"
    note.write_text("agenda", "utf-8")
    assert run(capsys, "attach", v, "conversation", 1, note)[0] == 0
    code, out, _ = run(capsys, "attachments", v, ref, "--json")
    (att,) = json.loads(out)
    assert (att["filename"], att["record"], att["size"]) == ("n.txt", "conversation", 6)
    code, out, _ = run(capsys, "attachments", v, ref)
    assert "n.txt" in out and f"1 attachment on {ref}." in out
    code, _, err = run(capsys, "attachment-save", v, att["id"], "--out", note)
    assert code == 2 and "already exists" in err
    code, _, err = run(capsys, "attachment-save", v, att["id"], "--out", tmp_path / "no" / "x")
    assert code == 2 and "does not exist" in err
    copy = tmp_path / "copy.txt"
    assert run(capsys, "attachment-save", v, att["id"], "--out", copy)[0] == 0
    assert copy.read_text("utf-8") == "agenda" and (copy.stat().st_mode & 0o777) == 0o600
    code, _, err = run(capsys, "pack-export", v, 1, "--out", tmp_path / "p.txt")
    assert code == 2 and "ending in .pdf" in err
    code, _, err = run(capsys, "pack-export", v, 1, "--out", tmp_path / "p.pdf")
    assert code == 2 and "Traceback" not in err and not (tmp_path / "p.pdf").exists()
    first = tmp_path / "first.pdf"
    assert run(capsys, "pack", v, ref, "--meeting", "review", "--out", first)[0] == 0
    code, out, _ = run(capsys, "packs", v, ref, "--json")
    (pack,) = json.loads(out)
    again = tmp_path / "again.pdf"
    code, out, _ = run(capsys, "pack-export", v, pack["id"], "--out", again)
    assert code == 0 and again.read_bytes() == first.read_bytes()
    actions = look(v, lambda s: {e.action for e in s.vault.audit_events()})
    assert {"attachment.save_as", "pack.export"} <= actions


def test_the_listings_answer_json(vault, capsys):
    v, _ = vault
    code, out, _ = run(capsys, "employees", v, "--json")
    assert [e["employee_number"] for e in json.loads(out)] == ["E1001"]
    code, out, _ = run(capsys, "employees", v, "--department", "Nowhere", "--json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, "policy", v, "--versions", "--json")
    (version,) = json.loads(out)
    assert version["current"] is True and len(version["sha256"]) == 64
    code, out, _ = run(capsys, "policy", v, "--show", "--json")
    shown = json.loads(out)
    assert shown["name"] == version["name"] and "[stages" in shown["source"]
    code, out, _ = run(capsys, "settings", v, "--json")
    assert json.loads(out) == {"document_language": "en"}
    code, out, _ = run(capsys, "settings", v, "--document-language", "de", "--json")
    assert json.loads(out) == {"document_language": "de", "changed": True}
    code, out, _ = run(capsys, "templates", v, "list", "--json")
    kinds = json.loads(out)
    assert {k["kind"] for k in kinds} >= {"check_in"} and not any(k["edited"] for k in kinds)


def test_refreshed_targets_the_employee_did_not_agree_to_are_recorded_so(vault, capsys, tmp_path):
    v, ref = vault
    file = tmp_path / "plan.json"
    file.write_text(json.dumps(plan_json(40)), "utf-8")
    uid = json.loads(run(capsys, "plan-create", v, ref, "--from-json", file, "--json")[1])
    uid = uid["objectives"][0]
    assert run(capsys, "plan-agree", v, ref, "--on", TODAY)[0] == 0
    code, _, err = run(capsys, "review", v, ref, "--schedule", f"{TODAY.isoformat()}T00:00",
                       "--place", "Room 2", "--supervisor", "Ola Nordmann")  # fmt: skip
    assert code == 0, err
    outcome = tmp_path / "outcome.json"
    outcome.write_text(
        json.dumps(
            {
                "held_on": TODAY.isoformat(),
                "decision": "continue",
                "summary": "Targets lowered for the season",
                "attended": [{"role": "employee", "name": "Zoë Ångström"}],
                "assessments": [{"objective_uid": uid, "assessment": "progressing"}],
                "refreshed_targets": [{"objective_uid": uid, "target": 36}],
                "next_review_on": (TODAY + timedelta(days=14)).isoformat(),
            }
        ),
        "utf-8",
    )
    code, _, err = run(capsys, "review-outcome", v, 1, "--from-json", outcome,
                       "--targets-disagreed")  # fmt: skip
    assert code == 0, err
    plan = look(v, lambda s: s.plans.active(s.cases.by_reference(ref).id))
    assert (plan.version, plan.objectives[0].target, plan.employee_agreed) == (2, 36, False)
    assert plan.employee_comment == "Did not agree to the refreshed targets."
