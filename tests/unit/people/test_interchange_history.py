"""Interchange version 2: a case's earlier record versions and the vault's edited prompts travel
with the export; after an import into a new vault `casepath history` shows the same versions and
verify passes; version 1 documents still import; a malformed section is refused by its path
with nothing written."""

from __future__ import annotations

import copy
import json
from dataclasses import replace

import pytest

from app.domain.clock import FixedClock
from app.domain.prompt_templates import TemplateKind
from app.domain.records import Conversation, Indicator, Officer
from app.services.demo import populate_demo
from app.services.interchange.interchange import ImportRefused, export_document, import_document
from app.services.interchange.interchange_checks import schema_problems
from app.services.services import create_vault
from tests.conftest import PASSPHRASE, TODAY

OFFICER = "Hana Officer"
EDITED_PROMPTS_MARK = "# kept by this office\n"


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """The demo vault with records edited after they were written, and edited prompts."""
    path = tmp_path_factory.mktemp("source") / "source.casepath"
    svc = create_vault(path, PASSPHRASE, Officer(name=OFFICER), FixedClock(TODAY))
    populate_demo(svc)
    case = svc.cases.all()[0]
    conv = svc.cases.records(Conversation, case.id)[0]
    svc.cases.update(replace(conv, summary="Corrected: the deadline moved to Friday."))
    conv = svc.cases.records(Conversation, case.id)[0]
    svc.cases.update(replace(conv, agreed_actions=(*conv.agreed_actions, "Weekly check-in")))
    ind = svc.cases.records(Indicator, case.id)[0]
    svc.cases.update(replace(ind, note="Figures re-read from the monthly report."))
    text = svc.templates.text(TemplateKind.CHECK_IN)
    svc.templates.save(TemplateKind.CHECK_IN, text + EDITED_PROMPTS_MARK)
    doc = export_document(svc)
    yield svc, doc, case.reference
    svc.close()


@pytest.fixture
def fresh(tmp_path):
    svc = create_vault(
        tmp_path / "new.casepath", PASSPHRASE, Officer(name=OFFICER), FixedClock(TODAY)
    )
    yield svc
    svc.close()


def histories(svc) -> dict:
    """Per case and record: every version as `casepath history --json` shows it."""
    out = {}
    for case in svc.cases.all():
        for h in svc.history.case_records(case.id, changed_only=True):
            data = h.as_json()
            out[(case.reference, data["kind"], data["title"])] = [
                (v["version"], v["by"], v["at"], v["action"], v["fields"], v["changes"])
                for v in data["versions"]
            ]
    return out


def templates(svc) -> list:
    return [(e.kind, e.text, e.edited, e.updated_at, e.updated_by) for e in svc.templates.entries()]


def refused(svc, doc) -> str:
    """The import is refused whole: the vault's chain, cases and prompts stay as they were."""
    before = (svc.vault.audit_head(), len(svc.cases.all()), templates(svc))
    with pytest.raises(ImportRefused) as info:
        import_document(svc, doc)
    assert (svc.vault.audit_head(), len(svc.cases.all()), templates(svc)) == before
    return str(info.value)


def entry_of(doc, reference, record):
    case = next(c for c in doc["cases"] if c["reference"] == reference)
    i = doc["cases"].index(case)
    j = next(k for k, e in enumerate(case["history"]) if e["record"] == record)
    return i, j, case["history"][j]


def test_export_carries_each_version_as_history_shows_it(source):
    svc, doc, ref = source
    assert doc["version"] == 2 and doc["exported_by"] == OFFICER
    assert schema_problems(doc) == []
    _, _, conv = entry_of(doc, ref, "conversations")
    assert [v["version"] for v in conv["versions"]] == [1, 2] and conv["current"]["version"] == 3
    assert conv["versions"][0]["by"] == OFFICER and conv["versions"][0]["what"] == "Recorded"
    shown = svc.history.case_records(svc.cases.by_reference(ref).id, changed_only=True)
    record = next(h for h in shown if h.table == "conversations")
    assert [c["field"] for c in conv["versions"][1]["changes"]] == [
        c.label for c in record.changes(1)
    ]
    assert conv["versions"][1]["changes"][0]["after"].startswith("Corrected: the deadline")
    assert "Weekly check-in" in conv["current"]["changes"][0]["after"]
    assert [t["kind"] for t in doc["templates"]] == ["check_in"]
    assert doc["templates"][0]["text"].endswith(EDITED_PROMPTS_MARK)


def test_round_trip_keeps_every_history_and_the_prompts(source, fresh):
    svc, doc, ref = source
    result = import_document(fresh, json.loads(json.dumps(doc)))
    kept = sum(len(e["versions"]) for c in doc["cases"] for e in c["history"])
    assert result.versions_added == kept > 3 and result.templates_added == 1
    assert "earlier record versions" in str(result)
    got, want = histories(fresh), histories(svc)
    assert set(got) == set(want) and len(want) >= 3
    assert got == want  # same texts, officers, times and changes, version by version
    assert templates(fresh) == templates(svc)
    report = fresh.vault.verify()
    assert report.ok, report
    # the exported events are data beside this vault's chain, not events of it
    own = {e.hash for e in fresh.vault.audit_events()}
    carried = {
        v["event"]["hash"] for c in doc["cases"] for e in c["history"] for v in e["versions"]
    }
    assert carried and not carried & own
    assert [e.action for e in fresh.vault.audit_events()].count("vault.import_history") == 1
    case = fresh.cases.by_reference(ref)
    conv = next(h for h in fresh.history.case_records(case.id, True) if h.table == "conversations")
    assert conv.states[0].before_handover == OFFICER and conv.states[0].imported

    # importing it again adds nothing; exporting the new vault gives the same history back
    again = import_document(fresh, doc)
    assert again.versions_added == 0 and again.templates_added == 0 and again.templates_kept == 1
    assert histories(fresh) == want
    back = export_document(fresh)
    assert [c["history"] for c in back["cases"]] == [c["history"] for c in doc["cases"]]
    assert back["templates"] == doc["templates"]


def test_changed_kept_versions_are_found_by_verify(source, fresh):
    _, doc, _ = source
    import_document(fresh, doc)
    raw = fresh.vault.conn.raw
    raw.execute(
        "UPDATE handover_versions SET row_json = json_set(row_json, '$.summary[1]', 'tampered')"
        " WHERE tbl = 'conversations'"
    )
    raw.commit()
    report = fresh.vault.verify()
    assert not report.ok
    assert any(p.table == "handover_versions" for p in report.records)


def test_version_1_documents_import_without_history_or_prompts(source, fresh):
    _, doc, _ = source
    old = copy.deepcopy(doc)
    old["version"] = 1
    for key in ("exported_by", "templates"):
        del old[key]
    for case in old["cases"]:
        del case["history"]
    result = import_document(fresh, old)
    assert result.cases_added == 30 and result.versions_added == 0
    assert not any(e.edited for e in fresh.templates.entries())
    assert fresh.vault.verify().ok
    # version 1 has no such keys: a document that uses them must say version 2
    old["cases"][0]["history"] = []
    assert "cases[0].history: is not a field of this format" in refused(fresh, old)


def _tampered(row_json: str) -> str:
    row = json.loads(row_json)
    row["summary"] = ["text", "Nothing was said."]
    return json.dumps(row)


def _broken(doc, ref, change):
    bad = copy.deepcopy(doc)
    i, j, entry = entry_of(bad, ref, "conversations")
    where = change(bad, i, j, entry)
    return bad, where


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        (
            "history not a list",
            lambda d, i, j, e: (
                d["cases"][i].__setitem__("history", "all of it") or f"cases[{i}].history"
            ),
            "must be a list",
        ),
        (
            "unknown kind of record",
            lambda d, i, j, e: (
                e.__setitem__("record", "memos") or f"cases[{i}].history[{j}].record"
            ),
            "must name a kind of record",
        ),
        (
            "uid of no record of the case",
            lambda d, i, j, e: e.__setitem__("uid", "nowhere") or f"cases[{i}].history[{j}].uid",
            "'nowhere' names no conversations record of this case",
        ),
        (
            "row changed after export",
            lambda d, i, j, e: (
                e["versions"][0].__setitem__("row", _tampered(e["versions"][0]["row"]))
                or f"cases[{i}].history[{j}].versions[0].row"
            ),
            "does not match the event that wrote it",
        ),
        (
            "event changed after export",
            lambda d, i, j, e: (
                e["versions"][0]["event"].__setitem__("officer", "Someone Else")
                or f"cases[{i}].history[{j}].versions[0].event"
            ),
            "does not hash to itself",
        ),
        (
            "officer shown is not the event's",
            lambda d, i, j, e: (
                e["versions"][0].__setitem__("by", "Someone Else")
                or f"cases[{i}].history[{j}].versions[0].by"
            ),
            "does not match the event that wrote it",
        ),
        (
            "versions out of order",
            lambda d, i, j, e: (
                e["versions"].reverse() or f"cases[{i}].history[{j}].versions[0].version"
            ),
            "must be 1 (versions are listed oldest first)",
        ),
        (
            "row that is not a stored row",
            lambda d, i, j, e: (
                e["versions"][0].__setitem__("row", "[1, 2]")
                or f"cases[{i}].history[{j}].versions[0].row"
            ),
            "is not a stored row as Casepath writes them",
        ),
        (
            "event of another record as the current one",
            lambda d, i, j, e: (
                e["current"]["event"].__setitem__("entity_type", "vault")
                or f"cases[{i}].history[{j}].current.event"
            ),
            "does not hash to itself",
        ),
        (
            "templates not a list",
            lambda d, i, j, e: d.__setitem__("templates", {"check_in": "x"}) or "templates",
            "must be a list",
        ),
        (
            "unknown kind of prompts",
            lambda d, i, j, e: (
                d["templates"][0].__setitem__("kind", "pep_talk") or "templates[0].kind"
            ),
            "must be one of early_conversation, check_in",
        ),
        (
            "prompts that do not parse",
            lambda d, i, j, e: (
                d["templates"][0].__setitem__("text", "[unclosed") or "templates[0].text"
            ),
            "check_in prompts",
        ),
        (
            "the same kind twice",
            lambda d, i, j, e: (
                d["templates"].append(dict(d["templates"][0])) or "templates[1].kind"
            ),
            "appears twice in the document",
        ),
    ],
)
def test_malformed_section_is_refused_by_its_path_and_writes_nothing(
    source, fresh, name, change, message
):
    _, doc, ref = source
    bad, where = _broken(doc, ref, change)
    text = refused(fresh, bad)
    line = next((ln.strip() for ln in text.splitlines() if ln.strip().startswith(where + ":")), "")
    assert message in line, f"{name}: {where} not reported as '{message}' in\n{text}"
    assert fresh.employees.all() == []  # not even the valid employees and cases were written
