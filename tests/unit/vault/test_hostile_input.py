"""Hostile input: malformed JSON imports, policy files, CSV files and CLI dates and numbers end
in a message (never a traceback) and write nothing; every policy number has bounds."""

from __future__ import annotations

import copy
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.domain.escalation.policy import POLICY_BOUNDS, PolicyError, load_policy
from app.resource_paths import resource_path
from app.services.interchange.interchange import ImportRefused, export_document, import_document
from app.services.people.employee_import import (
    CsvImportError,
    parse_mapping_options,
    plan_import,
    read_csv,
)
from tests.conftest import PASSPHRASE, TODAY
from tests.factories import employee, open_case

FUZZ = settings(
    max_examples=int(os.environ.get("CASEPATH_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Values a hostile file might hold where a well-formed one has something sensible.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["", "2026-02-30", "9999-12-31", "0001-01-01", "\x00", "E1001", "open"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(doc, prefix=()):
    yield prefix
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _paths(v, (*prefix, i))


def _mutate(doc, path, value, delete: bool):
    doc = copy.deepcopy(doc)
    if not path:
        return value
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return doc


@pytest.fixture
def sample_doc(services):
    open_case(services, name="Zoë Ångström", number="E1001")
    doc = export_document(services)
    return doc


def test_malformed_json_imports_are_refused_whole(services, sample_doc, tmp_path):
    target = tmp_path / "other.casepath"
    from app.domain.records import Officer
    from app.services.services import create_vault

    fresh = create_vault(target, PASSPHRASE, Officer(name="Ida Officer"))
    paths = list(_paths(sample_doc))
    tracebacks: list[str] = []

    @FUZZ
    @given(st.sampled_from(paths), json_values, st.booleans())
    def run(path, value, delete):
        doc = _mutate(sample_doc, path, value, delete)
        before = fresh.vault.audit_head()
        try:
            import_document(fresh, doc)
        except ImportRefused as exc:
            assert fresh.vault.audit_head() == before  # nothing partial
            assert str(exc).startswith("Nothing was imported")
        except Exception as exc:  # noqa: BLE001 - what the fuzz is looking for
            import traceback

            where = traceback.extract_tb(exc.__traceback__)[-1]
            tracebacks.append(
                f"{path}={value!r}: {type(exc).__name__}: {exc} at {where.filename}:{where.lineno}"
            )
            assert fresh.vault.audit_head() == before

    try:
        run()
    finally:
        fresh.close()
    assert tracebacks == [], "\n".join(sorted(set(tracebacks)))


@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
@FUZZ
def test_garbage_json_files_are_a_message(tmp_path_factory, data):
    from app.services.interchange.interchange import import_file

    path = tmp_path_factory.mktemp("j") / "garbage.json"
    path.write_bytes(data)

    class NoServices:  # parsing must refuse before anything touches a vault
        pass

    try:
        import_file(NoServices(), path)  # type: ignore[arg-type]
    except ImportRefused as exc:
        assert "Nothing was imported" in str(exc)
    except AttributeError:
        pass  # valid JSON reached the vault stage: the document test covers it


DEFAULT_POLICY = resource_path("policy/default.toml").read_text("utf-8")
_NUMBER = re.compile(r"(?m)^(\s*[a-z_]+\s*=\s*)(\d+)\s*$")


@FUZZ
@given(st.data())
def test_malformed_policy_files_are_a_message_naming_the_key(data):
    lines = DEFAULT_POLICY.splitlines()
    action = data.draw(st.sampled_from(["number", "delete", "garbage", "type"]))
    i = data.draw(st.integers(0, len(lines) - 1))
    if action == "number":
        numbered = [j for j, line in enumerate(lines) if _NUMBER.match(line)]
        i = data.draw(st.sampled_from(numbered))
        n = data.draw(st.integers(-(2**70), 2**70) | st.integers(-5, 400))
        lines[i] = _NUMBER.sub(lambda m: f"{m.group(1)}{n}", lines[i])
    elif action == "delete":
        del lines[i]
    elif action == "garbage":
        lines.insert(i, data.draw(st.text(max_size=20)))
    else:
        lines[i] = re.sub(
            r"= .*$",
            "= "
            + data.draw(
                st.sampled_from(['"x"', "true", "1.5", "[1]", "{a=1}", "-1", "1979-05-27", "inf"])
            ),
            lines[i],
        )
    text = "\n".join(lines)
    try:
        policy = load_policy(text, "hostile.toml")
    except PolicyError as exc:
        assert str(exc).startswith("hostile.toml")
        return
    _assert_within_bounds(policy)


def _assert_within_bounds(policy) -> None:
    lo, hi = POLICY_BOUNDS["flags.due_soon_business_days"]
    assert lo <= policy.due_soon_business_days <= hi
    lo, hi = POLICY_BOUNDS["flags.stalled_after_days"]
    assert lo <= policy.stalled_after_days <= hi
    lo, hi = POLICY_BOUNDS["stages.*.deadline_business_days"]
    for stage in policy.stages:
        for v in (stage.deadline_business_days or {}).values():
            assert lo <= v <= hi


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("due_soon_business_days", 6000),
        ("due_soon_business_days", -1),
        ("stalled_after_days", 100000),
    ],
)
def test_absurd_policy_values_name_key_value_and_range(key, value):
    text = re.sub(rf"(?m)^{key}\s*=\s*\d+", f"{key} = {value}", DEFAULT_POLICY)
    assert text != DEFAULT_POLICY
    with pytest.raises(PolicyError) as info:
        load_policy(text, "team.toml")
    lo, hi = POLICY_BOUNDS[f"flags.{key}"]
    msg = str(info.value)
    assert f"flags.{key}" in msg and str(value) in msg and f"{lo} to {hi}" in msg


@FUZZ
@given(
    st.binary(max_size=300)
    | st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=6), min_size=1, max_size=5).map(
        lambda rows: "\n".join(",".join(r) for r in rows).encode()
    )
)
def test_malformed_csv_is_a_message(data):
    try:
        table = read_csv(data)
        mapping = parse_mapping_options([], table.headers)
        plan = plan_import(table, mapping, {}, TODAY, None)
        assert plan is not None
    except CsvImportError as exc:
        assert str(exc)


DATE_ARGS = [
    ["flags", "{v}", "--on", "{x}"],
    ["calibration", "{v}", "--from", "{x}", "--out", "{d}/c.pdf"],
    ["exception", "{v}", "C-2026-0001", "pause", "--from", "{x}", "--to", "{x}"],
]
NUMBER_ARGS = [
    ["exception", "{v}", "C-2026-0001", "extend", "--days", "{x}"],
    ["decide-exception", "{v}", "{x}", "--approver-role", "hr_lead", "--approve"],
    ["ics", "{v}", "--out", "{d}/r.ics", "--review", "{x}"],
    ["agenda", "{v}", "--days", "{x}"],
]


@pytest.fixture
def cli_vault(services, vault_path, monkeypatch):
    services.employees.add(employee("E2001", "Łukasz Żółć"))
    open_case(services, name="Zoë Ångström", number="E1001")
    services.close()
    monkeypatch.setenv("CASEPATH_PASSPHRASE", PASSPHRASE)
    return vault_path


def _run_cli(argv: list[str], capsys) -> tuple[int, str]:
    try:
        rc = main(argv)
    except SystemExit as exc:  # argparse refusing an argument
        rc = int(exc.code or 0)
    out, err = capsys.readouterr()
    return rc, out + err


@pytest.mark.parametrize(
    "value", ["1900-01-01", "0001-01-01", "9999-12-31", "2026-02-30", "", "yesterday", "2026-3-1"]
)
@pytest.mark.parametrize("template", DATE_ARGS, ids=lambda t: t[0])
def test_cli_dates_never_traceback(cli_vault, tmp_path, capsys, template, value):
    argv = [a.format(v=cli_vault, x=value, d=tmp_path) for a in template]
    rc, text = _run_cli(argv, capsys)
    assert "unexpected error" not in text and "Traceback" not in text, text
    if rc != 0:
        assert text.strip(), "a refusal says why"


@pytest.mark.parametrize(
    "value", ["-1", "0", "99999999999999999999999", "1e9", "abc", "-9223372036854775809"]
)
@pytest.mark.parametrize("template", NUMBER_ARGS, ids=lambda t: t[0])
def test_cli_numbers_never_traceback(cli_vault, tmp_path, capsys, template, value):
    argv = [a.format(v=cli_vault, x=value, d=tmp_path) for a in template]
    rc, text = _run_cli(argv, capsys)
    assert "unexpected error" not in text and "Traceback" not in text, text


def test_flags_on_1900_is_a_message(cli_vault, capsys):
    rc, text = _run_cli(["flags", str(cli_vault), "--on", "1900-01-01"], capsys)
    assert rc == 2 and "between" in text, text


@pytest.mark.parametrize(
    ("verb", "name", "content", "place"),
    [
        (
            "import",
            "cases.json",
            '{"format": "casepath-interchange", "version": 1, "employees": [{}]}',
            "employees[0]",
        ),
        ("import", "cases.json", '{"format": ', "line 1"),
        ("import-employees", "hris.csv", "", "empty"),
        ("policy", "team.toml", "[flags]\ndue_soon_business_days = 6000\n", "due_soon"),
    ],
)
def test_cli_refusals_name_the_file_and_the_place(
    cli_vault, tmp_path, capsys, verb, name, content, place
):
    path = tmp_path / name
    path.write_text(content, "utf-8")
    argv = (
        [verb, str(cli_vault), str(path)]
        if verb != "policy"
        else [verb, str(cli_vault), "--import", str(path)]
    )
    rc, text = _run_cli(argv, capsys)
    assert rc == 2, text
    assert name in text and place in text, text
    assert "unexpected error" not in text
