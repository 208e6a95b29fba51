"""The refusals an officer meets in the journey are said in German in a German window: the
policy's rights and stage rules, a record's validation, a save refused with its problems. The
English (`str(exc)`, what the CLI prints) reads as it always did."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from app.domain.records import Case, CaseStatus, Track
from app.domain.validation import InvalidRecord
from app.services.action_guard import ActionRefused
from tests.factories import indicator, open_case
from tests.unit.audit.test_action_guard import DEFAULT, LEAD_DECIDES, _decision, _with_policy

ENGLISH = ("you need", "role", "Nothing was saved", "is required", "was not saved", "Metric")


def _german(exc: BaseException) -> str:
    return exc.args[0].said_in("de")


def test_a_rights_refusal_is_said_in_german(services, tmp_path):
    _with_policy(services, tmp_path, LEAD_DECIDES)
    case = open_case(services)
    with pytest.raises(ActionRefused) as caught:
        services.cases.add(_decision(case, services.clock.today()))
    english = str(caught.value)
    assert "To record a decision you need the HR lead role; Hana Officer is HR officer" in english
    german = _german(caught.value)
    assert german.startswith("Für „Entscheidung erfassen“ brauchen Sie die Rolle ")
    assert "Hana Officer hat die Rolle" in german and "Nichts wurde gespeichert." in german
    assert not any(word in german for word in ENGLISH), german


def test_a_closed_case_refusal_is_said_in_german(services):
    case = open_case(services)
    closed = Case(
        reference=case.reference, employee_id=case.employee_id, owner_id=case.owner_id,
        track=Track.STANDARD, stage=case.stage, opened_on=case.opened_on,
        status=CaseStatus.CLOSED, closed_on=case.opened_on, id=case.id,
    )  # fmt: skip
    with pytest.raises(ActionRefused) as caught:
        services.guard.require("decision", closed)
    assert str(caught.value).startswith(f"Case {case.reference} is closed")
    assert _german(caught.value) == (
        f"Fall {case.reference} ist abgeschlossen; eröffnen Sie ihn erneut, um Einträge "
        "hinzuzufügen."
    )


def test_a_record_form_problem_and_a_refused_save_are_said_in_german(services):
    case = open_case(services)
    today = services.clock.today()
    bad = indicator(case, today + timedelta(days=3), metric=" ", source="", actual=None)
    report = bad.validate(today)
    said = {p.field: p.message.said_in("de") for p in report.errors}
    assert said["metric"] == "Kennzahl ist erforderlich."
    assert said["source"] == "Quelle ist erforderlich."
    assert said["observed_on"].startswith("Beobachtet am darf nicht in der Zukunft liegen (")
    assert said["actual"] == "Geben Sie den Soll- und den Istwert an oder keinen von beiden."
    assert {p.field: str(p.message) for p in report.errors}["metric"] == "Metric is required."
    with pytest.raises(InvalidRecord) as caught:
        services.cases.add(bad)
    assert str(caught.value).startswith("The indicator was not saved because:\n  - metric: Metric")
    german = _german(caught.value)
    assert german.startswith("Nicht gespeichert (Indikator), weil:\n  - metric: Kennzahl ist")
    assert "Quelle ist erforderlich." in german
    assert not any(word in german.replace("metric:", "") for word in ENGLISH), german


def test_a_stage_rule_refusal_names_the_stages_in_german(services):
    case = open_case(services)  # in the first stage, where no review is held yet
    with pytest.raises(ActionRefused) as caught:
        services.guard.require("review", case)
    assert str(caught.value).startswith("The policy does not let you schedule or record a review")
    german = _german(caught.value)
    assert german.startswith("Die Richtlinie erlaubt „Überprüfung planen oder erfassen“ nicht")
    assert "Frühes Gespräch" in german or "Phase" in german
    assert not any(word in german for word in ENGLISH), german


def test_csv_import_problems_are_said_in_german():
    from app.services.people.csv_reading import CsvImportError, read_csv
    from app.services.people.import_dates import parse_date

    with pytest.raises(CsvImportError) as caught:
        read_csv(b"   ")
    assert str(caught.value) == "The file is empty. Export the employee list again."
    assert (
        _german(caught.value)
        == "Die Datei ist leer. Exportieren Sie die Mitarbeitendenliste erneut."
    )
    with pytest.raises(ValueError) as bad_day:
        parse_date("31/02/2024", "dmy")
    assert _german(bad_day.value) == "„31/02/2024“ ist kein gültiges Datum."
    with pytest.raises(ValueError) as no_month:
        parse_date("3 Foo 2024")
    assert str(no_month.value) == "'3 Foo 2024' is not a date: 'Foo' is not a month."
    assert _german(no_month.value) == "„3 Foo 2024“ ist kein Datum: „Foo“ ist kein Monat."


def test_a_policy_file_problem_is_said_in_german(services, tmp_path):
    from app.domain.escalation.policy import PolicyError
    from app.domain.escalation.policy_words import problem_words

    bad = re.sub(
        r"deadline_business_days = \{[^}]*\}", "deadline_business_days = -3", DEFAULT, count=1
    )
    path = tmp_path / "bad.toml"
    path.write_text(bad, "utf-8")
    with pytest.raises(PolicyError) as caught:
        services.escalation.import_policy(path)
    problems = caught.value.problems
    english = [problem_words(where, what) for where, what in problems]
    german = [problem_words(where, what, "de") for where, what in problems]
    assert any("is negative; allowed: " in line for line in english), english
    assert any("ist negativ; erlaubt: " in line for line in german), german
    assert all(line.startswith('Phase "') for line in german), german  # the file's keys stay
    assert not any(re.search(r"\b(is|allowed|Stage|must)\b", line) for line in german), german
