"""JSON interchange: export, import elsewhere, same records; bad documents write nothing."""

from __future__ import annotations

import copy
import json

import pytest

from app.domain.escalation.escalation_records import ApprovalStatus
from app.domain.records import CaseStatus, Officer, StageChange
from app.services.demo import populate_demo
from app.services.interchange.interchange import (
    ImportRefused,
    export_document,
    import_document,
    import_file,
)
from app.services.services import create_vault
from app.vault.repositories.case_repository import CaseQuery
from tests.conftest import PASSPHRASE

LATER = ("approvals", "exceptions", "plans", "reviews")


@pytest.fixture
def demo(services):
    populate_demo(services)
    return services


@pytest.fixture
def other(tmp_path, clock):
    svc = create_vault(tmp_path / "other.casepath", PASSPHRASE, Officer(name="Second"), clock)
    yield svc
    svc.close()


def _strip(doc, history=True):
    doc = copy.deepcopy(doc)
    doc.pop("exported_at")
    doc.pop("exported_by")  # the officer who wrote it
    for case in doc["cases"] if not history else ():
        case.pop("history")
    return doc


def _count(doc, key):
    return sum(len(c[key]) for c in doc["cases"])


def _case_with(doc, test):
    return next(i for i, c in enumerate(doc["cases"]) if test(c))


def _schedules(svc):
    rows = svc.cases.rows(CaseQuery(status=None), 0, 1000)
    return {r.reference: r.next_due_on for r in rows}


def _refused(svc, doc):
    before = svc.vault.audit_head()
    with pytest.raises(ImportRefused) as info:
        import_document(svc, doc)
    assert svc.vault.audit_head() == before  # nothing written, not even the import event
    return {p.field for p in info.value.report.errors}, str(info.value)


def test_export_import_round_trip_and_idempotent(demo, other):
    doc = export_document(demo)
    assert len(doc["cases"]) == 30 and len(doc["employees"]) == 80
    # the demo has every later record type, plan revisions and held reviews with outcomes
    assert all(_count(doc, key) > 0 for key in LATER)
    assert any(len(c["plans"]) > 1 for c in doc["cases"])
    outcomes = sum(1 for c in doc["cases"] for r in c["reviews"] if r["outcome"])
    progress = sum(len(p["progress"]) for c in doc["cases"] for p in c["plans"])
    assert outcomes > 0 and progress > 0
    events_before = len(other.vault.audit_events())
    first = import_document(other, json.loads(json.dumps(doc)))
    assert first.cases_added == 30 and first.employees_added == 80
    assert first.records_added["plans"] == _count(doc, "plans")
    assert first.records_added["reviews"] == _count(doc, "reviews")
    assert first.records_added["review_outcomes"] == outcomes
    assert first.records_added["progress_updates"] == progress
    assert first.records_added["approvals"] == _count(doc, "approvals")
    assert first.records_added["exceptions"] == _count(doc, "exceptions")
    written = sum(first.records_added.values())
    # the earlier versions are kept beside the chain: one event names the kept set, one each
    # case it belongs to (tests/unit/people/test_interchange_history.py)
    with_history = sum(1 for c in doc["cases"] if c["history"])
    assert first.versions_added == sum(
        len(r["versions"]) for c in doc["cases"] for r in c["history"]
    )
    kept = 1 + with_history if with_history else 0
    # one audit event per employee, case and record, plus the import itself
    assert len(other.vault.audit_events()) == events_before + 1 + 80 + 30 + written + kept
    assert _strip(export_document(other)) == _strip(doc)
    # links by uid became links by id in the new vault
    ref = doc["cases"][_case_with(doc, lambda c: len(c["plans"]) > 1)]["reference"]
    case = other.cases.by_reference(ref)
    v1, v2 = other.plans.versions(case.id)[:2]
    assert v2.revision_of == v1.id
    assert {u.plan_id for u in other.plans.progress(case.id)} <= {v1.id, v2.id}
    assert all(r.plan_id in (v1.id, v2.id) for r in other.reviews.for_case(case.id))
    # deadlines were computed for the imported cases, as in the original vault
    assert _schedules(other) == _schedules(demo)
    events = len(other.vault.audit_events())
    second = import_document(other, doc)
    assert second.cases_added == 0 and second.employees_added == 0
    assert sum(second.records_added.values()) == 0 and second.records_skipped == written
    assert _strip(export_document(other)) == _strip(doc)
    assert len(other.vault.audit_events()) == events + 1  # only the import itself is logged


def test_export_of_one_case(demo):
    ref = demo.cases.all()[3].reference
    doc = export_document(demo, ref)
    assert [c["reference"] for c in doc["cases"]] == [ref]
    assert len(doc["employees"]) == 1


def test_bad_document_names_every_problem_and_writes_nothing(demo, other):
    doc = export_document(demo)
    doc["cases"][3]["conversations"][0]["held_on"] = "2026-02-30"
    doc["cases"][1]["indicators"][0]["expected"] = "lots"
    doc["cases"][0]["employee_number"] = "E-NOBODY"
    doc["employees"][2]["name"] = ""
    doc["cases"][5]["unexpected"] = 1
    before = other.vault.audit_head()
    with pytest.raises(ImportRefused) as info:
        import_document(other, doc)
    paths = {p.field for p in info.value.report.errors}
    assert {
        "cases[3].conversations[0].held_on",
        "cases[1].indicators[0].expected",
        "cases[0].employee_number",
        "employees[2].name",
        "cases[5].unexpected",
    } <= paths
    assert "2026-02-30" in str(info.value)
    assert other.vault.audit_head() == before
    assert other.employees.all() == []


def test_malformed_json_file_is_refused_plainly(tmp_path, other):
    f = tmp_path / "broken.json"
    f.write_text('{"format": "casepath-interchange", "version": 1, "cases": [}', "utf-8")
    with pytest.raises(ImportRefused, match="not valid JSON.*line 1"):
        import_file(other, f)
    f.write_text('{"hello": 1}', "utf-8")
    with pytest.raises(ImportRefused, match="format"):
        import_file(other, f)


def test_export_matches_the_published_json_schema(demo):
    import jsonschema

    from app.resource_paths import resource_path

    schema = json.loads(resource_path("schema", "interchange.schema.json").read_text("utf-8"))
    jsonschema.validate(export_document(demo), schema)


def test_bad_nested_plan_field_is_refused_by_path_and_nothing_is_written(demo, other):
    doc = export_document(demo)
    i = _case_with(doc, lambda c: c["plans"] and len(c["plans"][0]["objectives"]) > 1)
    plan = doc["cases"][i]["plans"][0]
    plan["objectives"][1]["target"] = "lots"
    plan["objectives"][0]["micro_goals"][0]["due_on"] = "2026-02-30"
    plan["resources"][0]["colour"] = "blue"
    plan["progress"][0]["objective_uid"] = "no-such-objective"
    j = _case_with(doc, lambda c: c["reviews"] and c["reviews"][0]["outcome"])
    doc["cases"][j]["reviews"][0]["outcome"]["decision"] = "shrug"
    doc["cases"][j]["reviews"][0]["timezone"] = "Mars/Olympus_Mons"
    paths, message = _refused(other, doc)
    assert {
        f"cases[{i}].plans[0].objectives[1].target",
        f"cases[{i}].plans[0].objectives[0].micro_goals[0].due_on",
        f"cases[{i}].plans[0].resources[0].colour",
        f"cases[{i}].plans[0].progress[0].objective_uid",
        f"cases[{j}].reviews[0].outcome.decision",
        f"cases[{j}].reviews[0].timezone",
    } <= paths
    assert f"cases[{i}].plans[0].objectives[1].target: must be a number" in message
    assert other.employees.all() == [] and other.cases.all() == []


def test_domain_rules_of_a_plan_are_checked_once_per_path(demo, other):
    doc = export_document(demo)
    i = _case_with(doc, lambda c: c["plans"] and len(c["plans"][0]["objectives"]) > 1)
    first, second = doc["cases"][i]["plans"][0]["objectives"][:2]
    first["target"] = first["baseline"]  # the plan's own rule: the target must go beyond
    del first["measure"]
    second["baseline"] = "lots"  # fails to parse, and validate() finds no baseline either
    paths, message = _refused(other, doc)
    one, two = (f"cases[{i}].plans[0].objectives[{n}]" for n in (0, 1))
    assert {f"{one}.target", f"{one}.measure", f"{two}.baseline"} <= paths
    assert f"{one}.target: The target" in message
    assert f"{one}.measure: Measure is required" in message
    assert message.count(f"{two}.baseline:") == 1  # reported once, by the parser
    assert f"{two}.baseline: must be a number" in message


def test_links_between_records_travel_by_uid(demo, other):
    doc = export_document(demo)
    i = _case_with(doc, lambda c: c["approvals"] and c["stage_changes"])
    approval = doc["cases"][i]["approvals"][0]
    change = doc["cases"][i]["stage_changes"][-1]
    approval.update(
        status="used",
        person="Dana Approver",
        decided_at="2026-03-10T11:00:00+00:00",
        stage_change_uid=change["uid"],
    )
    import_document(other, copy.deepcopy(doc))
    case = other.cases.by_reference(doc["cases"][i]["reference"])
    stored = next(a for a in other.escalation.approvals(case.id) if a.uid == approval["uid"])
    assert stored.status is ApprovalStatus.USED
    assert stored.stage_change_id == other.vault.records.by_uid(StageChange, change["uid"]).id
    assert _strip(export_document(other)) == _strip(doc)


def test_dangling_links_are_refused(demo, other):
    doc = export_document(demo)
    i = _case_with(doc, lambda c: c["approvals"])
    doc["cases"][i]["approvals"][0]["stage_change_uid"] = "nowhere"
    j = _case_with(doc, lambda c: len(c["plans"]) > 1)
    doc["cases"][j]["plans"][1]["revision_of"] = "nowhere"
    k = _case_with(doc, lambda c: c["reviews"])
    doc["cases"][k]["reviews"][0]["plan_uid"] = "nowhere"
    h = _case_with(doc, lambda c: c["reviews"] and c["reviews"][0]["outcome"])
    doc["cases"][h]["reviews"][0]["status"] = "scheduled"  # but it has an outcome
    paths, _ = _refused(other, doc)
    assert {
        f"cases[{i}].approvals[0].stage_change_uid",
        f"cases[{j}].plans[1].revision_of",
        f"cases[{k}].reviews[0].plan_uid",
        f"cases[{h}].reviews[0].status",
    } <= paths


def test_records_already_in_the_vault_are_never_contradicted(demo, other):
    doc = export_document(demo)
    import_document(other, doc)
    later = copy.deepcopy(doc)
    i = _case_with(later, lambda c: c["plans"])
    active = next(p for p in later["cases"][i]["plans"] if p["status"] == "active")
    active["uid"] = "a-new-plan"  # a different plan with a version number the case has
    j = _case_with(later, lambda c: c["exceptions"])
    k = next(n for n in range(len(later["cases"])) if n != j)
    later["cases"][k]["exceptions"].append(later["cases"][j]["exceptions"].pop(0))  # moved
    paths, _ = _refused(other, later)
    assert {
        f"cases[{i}].plans[{later['cases'][i]['plans'].index(active)}].version",
        f"cases[{i}].plans[{later['cases'][i]['plans'].index(active)}].status",
        f"cases[{k}].exceptions[{len(later['cases'][k]['exceptions']) - 1}].uid",
    } <= paths


def test_older_documents_import_and_existing_cases_gain_the_later_records(demo, other):
    full = export_document(demo)
    old = copy.deepcopy(full)
    old["version"] = 1  # a document written before these lists (and version 2) existed
    for key in ("exported_by", "templates"):
        del old[key]
    for case in old["cases"]:
        for key in (*LATER, "history"):
            del case[key]
    result = import_document(other, old)
    assert result.cases_added == 30
    again = export_document(other)
    assert all(c[key] == [] for c in again["cases"] for key in LATER)
    closed = [c for c in other.cases.all() if c.status is CaseStatus.CLOSED]
    assert len(closed) == sum(1 for c in old["cases"] if c["status"] == "closed")
    assert _schedules(other) != _schedules(demo)  # pauses and extensions are still missing
    gained = import_document(other, full)
    assert gained.cases_added == 0 and gained.records_added["exceptions"] > 0
    # the earlier versions of records the vault had already keep to its own history
    assert _strip(export_document(other), history=False) == _strip(full, history=False)
    assert _schedules(other) == _schedules(demo)  # recomputed for the cases that gained them


def test_unknown_stage_and_schema_breaks_are_refused_by_json_path(demo, other):
    doc = export_document(demo)
    i = _case_with(doc, lambda c: c["stage_changes"])
    doc["cases"][i]["stage"] = "limbo"
    doc["cases"][i]["stage_changes"][0]["to_stage"] = "purgatory"
    doc["employees"][0]["email"] = "not-an-address"
    doc["exported_at"] = "yesterday"
    paths, text = _refused(other, doc)
    assert {
        f"cases[{i}].stage",
        f"cases[{i}].stage_changes[0].to_stage",
        "employees[0].email",
        "exported_at",
    } <= paths
    assert "'limbo' is not a stage of the vault's policy" in text
    assert "'purgatory' is not a stage" in text
    assert other.employees.all() == []


def test_schema_check_agrees_with_what_the_app_writes(demo):
    from app.services.interchange.interchange_checks import policy_problems, schema_problems

    doc = export_document(demo)
    assert schema_problems(doc) == []
    policy = demo.escalation.current_policy()
    assert [
        p for i, c in enumerate(doc["cases"]) for p in policy_problems(c, f"[{i}]", policy)
    ] == []
    doc["cases"][0]["track"] = "fast"
    assert [w for w, _m in schema_problems(doc)] == ["cases[0].track"]


def test_unknown_role_and_track_are_refused_by_json_path(demo, other):
    doc = export_document(demo)
    i = _case_with(doc, lambda c: c["stage_changes"])
    doc["cases"][i]["stage_changes"][0]["role"] = "janitor"
    doc["cases"][0]["track"] = "fast_lane"
    paths, text = _refused(other, doc)
    assert {f"cases[{i}].stage_changes[0].role", "cases[0].track"} <= paths
    assert "janitor" in text and "fast_lane" in text
