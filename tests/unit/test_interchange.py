"""JSON interchange: export, import elsewhere, same records; bad documents write nothing."""

from __future__ import annotations

import copy
import json

import pytest

from app.domain.records import Officer
from app.services.demo import populate_demo
from app.services.interchange import (
    ImportRefused,
    export_document,
    import_document,
    import_file,
)
from app.services.services import create_vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def demo(services):
    populate_demo(services)
    return services


@pytest.fixture
def other(tmp_path, clock):
    svc = create_vault(tmp_path / "other.casepath", PASSPHRASE, Officer(name="Second"), clock)
    yield svc
    svc.close()


def _strip(doc):
    doc = copy.deepcopy(doc)
    doc.pop("exported_at")
    return doc


def test_export_import_round_trip_and_idempotent(demo, other):
    doc = export_document(demo)
    assert len(doc["cases"]) == 30 and len(doc["employees"]) == 80
    first = import_document(other, json.loads(json.dumps(doc)))
    assert first.cases_added == 30 and first.employees_added == 80
    assert _strip(export_document(other)) == _strip(doc)
    events = len(other.vault.audit_events())
    second = import_document(other, doc)
    assert second.cases_added == 0 and second.employees_added == 0
    assert sum(second.records_added.values()) == 0 and second.records_skipped > 0
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
