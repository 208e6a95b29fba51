"""CLI parity: every write the window makes through a service has a `casepath` verb that
makes the same service call (so rights, stage rules and audit apply alike).

The window's calls are found by reading app/views (no Qt is imported): a call on a service of
`Services` (``self.services.plans.save(…)``, ``plans.save(…)`` after ``plans =
self.services.plans``, or an alias below) or of a function imported from app.services or
app.vault. Each one must be listed here, as a write with its verbs or as a read; a new window
write without a verb fails, as does a verb that no longer calls the method, or that no test
runs.
"""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

from app.cli import build_parser

ROOT = Path(__file__).resolve().parents[3]

# service.method the window calls that write -> the verbs calling the same method.
WINDOW_WRITES = {
    "cases.open_case": ["new-case"],
    "cases.add": ["conversation", "indicator", "observation", "decision"],
    "cases.update": ["conversation", "indicator", "observation", "decision"],  # --correct
    "employees.add": ["new-employee"],
    "employees.update": ["new-employee"],  # --update
    "plans.create": ["plan-create"],
    "plans.save": ["plan-edit"],  # a plan not yet agreed, in place
    "plans.revise": ["plan-revise"],
    "plans.add_progress": ["plan-progress"],
    "plans.set_micro_goal": ["plan-goal"],
    "plans.mark_micro_goals": ["conversation"],  # a check-in's --goal marks
    "reviews.schedule": ["review"],
    "reviews.schedule_series": ["review"],  # --until
    "reviews.reschedule": ["review-reschedule"],
    "reviews.cancel": ["review-cancel"],
    "reviews.record_outcome": ["review-outcome"],
    "reviews.export_ics": ["ics"],
    "escalation.approve": ["approve"],
    "escalation.advance": ["advance"],
    "escalation.close": ["close"],
    "escalation.request_exception": ["exception"],
    "escalation.decide_exception": ["decide-exception"],
    "escalation.import_policy": ["policy"],
    "tracks.change": ["track"],
    "reopening.reopen": ["reopen"],
    "attachments.add_file": ["attach"],
    "attachments.remove": ["detach"],
    "attachments.save_as": ["attachment-save"],
    "documents.generate": ["pack"],
    "documents.export_pack": ["pack", "pack-export"],
    "documents.export_redacted": ["redact"],
    "holds.place": ["hold"],
    "holds.release": ["release-hold"],
    "erasure.erase_case": ["erase"],
    "erasure.erase_employee": ["erase"],
    "handover.key": ["bundle key"],  # made (and audited) on first use
    "handover.export": ["bundle export"],
    "handover.import_bundle": ["bundle import"],
    "handover.import_ack": ["bundle ack"],
    "subject_access.export": ["sar"],
    "templates.save_many": ["templates import"],
    "templates.reset": ["templates reset"],
    "officers.add": ["officer add"],
    "officers.retire": ["officer retire"],
    "profiles.save": ["import-employees"],  # --save-profile
    "vault_settings.set_document_language": ["settings"],
    "fn.run_import": ["import-employees"],
    "fn.auto_backup": ["auto-backup"],
    "fn.export_calibration": ["calibration"],
    "fn.save_status_update": ["status-update"],
    "fn.export_audit_csv": ["audit"],
    "fn.restore_backup": ["restore"],
}

# Window calls that write nothing a verb could repeat: the reads the window records as it
# shows things on screen (a case opened, a pack viewed or printed, an attachment opened in the
# system viewer, its viewing copies removed), and plain reads.
WINDOW_ONLY = {
    "reads.case_opened": "a case shown in the window",
    "reads.pack_viewed": "a pack shown in the window (`pack-export` writes it out instead)",
    "reads.pack_printed": "a pack sent to a printer from the window",
    "attachments.open_for_viewing": "the system viewer (`attachment-save` writes a copy)",
    "attachments.close_case": "removes the window's viewing copies",
}

# What the window reads to show things (and checks it makes before a write): no verb needed;
# `test_no_call_listed_as_a_read_writes` checks none of them writes.
READS = {
    "attachments.counts_for_case",
    "attachments.for_owner",
    "cases.employee_of",
    "cases.exists_id",
    "cases.get",
    "cases.records",
    "documents.identifier_index",
    "documents.packs",
    "documents.pdf",
    "employees.all",
    "employees.departments",
    "employees.get",
    "erasure.preview_case",
    "erasure.preview_employee",
    "escalation.approvals",
    "escalation.check_close",
    "escalation.check_move",
    "escalation.current_policy_id",
    "escalation.exceptions",
    "escalation.policy",
    "escalation.policy_for",
    "escalation.policy_versions",
    "escalation.recommend",
    "fn.actions_in_trail",
    "fn.calibration_report",
    "fn.case_overview",
    "fn.case_timeline",
    "fn.check_reason",
    "fn.default_prompts",
    "fn.encoding_label",
    "fn.existing_by_number",
    "fn.filtered_rows",
    "fn.guess_mapping",
    "fn.history_key",
    "fn.inspect_backup",
    "fn.last_verified_backup",
    "fn.needs_attention",
    "fn.officers_in_trail",
    "fn.parse_conversation_prompts",
    "fn.parse_date",
    "fn.plan_import",
    "fn.read_csv",
    "fn.stage_names",
    "fn.status_update",
    "fn.versions",
    "history.case_records",
    "history.record",
    "holds.active",
    "officers.entries",
    "plans.active",
    "plans.history",
    "plans.progress",
    "profiles.get",
    "profiles.names",
    "reopening.check",
    "reopening.rules",
    "retention.due",
    "retention.rules",
    "reviews.agenda",
    "reviews.agenda_entries",
    "reviews.cadence_business_days",
    "reviews.cadence_dates",
    "reviews.for_case",
    "reviews.is_business_day_for",
    "reviews.observer_required",
    "reviews.outcomes",
    "templates.entry",
    "templates.text",
    "tracks.check",
    "tracks.rules",
    "vault_settings.document_language",
    "vault_settings.languages",
}

# Names the views give a service handed to them (or one `Services` does not hold).
ALIASES = {
    "self._officers": "officers",  # OfficerService
    "self.store": "profiles",  # the CSV import's ProfileStore
    "self._vault_settings": "vault_settings",
    "vault_settings": "vault_settings",
    "self.templates": "templates",
    "officers": "officers",  # the commands' OfficerService
    "store": "profiles",  # the commands' ProfileStore
}
NOT_SERVICES = {"clock", "vault", "guard"}


def _service_names() -> set[str]:
    """The attributes `Services` sets to a service (``self.plans = PlanService(…)``)."""
    tree = ast.parse((ROOT / "app/services/services.py").read_text("utf-8"))
    names = {
        t.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for t in node.targets
        if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self"
    }
    return (names - NOT_SERVICES) | set(ALIASES.values())


def _service_of(
    receiver: ast.expr, services: set[str], local: dict[str, str], holder: str
) -> str | None:
    text = ast.unparse(receiver)
    last = text.rsplit(".", 1)[-1]
    if re.search(rf"(^|\.)({holder})\.\w+$", text) and last in services:
        return last
    return ALIASES.get(text) or local.get(text)


CORE = ("app.services", "app.vault")  # functions the views import and call directly

# What holds the `Services` in the views (``self.services``) and in the commands (``s``, ``svc``).
HOLDERS = {"app/views": r"_?services", "app/commands": r"_?services|s|svc"}


def _calls(folder: str) -> dict[str, set[str]]:
    """service.method (or fn.name for a function imported from the core) -> the files."""
    holder = HOLDERS[folder]
    services = _service_names()
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        functions = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(CORE)
            for alias in node.names
            if alias.name[:1].islower()
        }
        local = {}  # plans = self.services.plans; documents, case_id = self.services.documents, …
        for node in ast.walk(tree):
            if not isinstance(node, ast.Assign):
                continue
            for target in node.targets:
                pairs = [(target, node.value)]
                if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                    pairs = list(zip(target.elts, node.value.elts, strict=False))
                for t, v in pairs:
                    if (
                        isinstance(v, ast.Attribute)
                        and re.search(rf"(^|\.)({holder})$", ast.unparse(v.value))
                        and v.attr in services
                    ):
                        local[ast.unparse(t)] = v.attr
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            key = None
            if isinstance(node.func, ast.Attribute):
                service = _service_of(node.func.value, services, local, holder)
                if service is not None:
                    key = f"{service}.{node.func.attr}"
            elif isinstance(node.func, ast.Name) and node.func.id in functions:
                key = f"fn.{node.func.id}"
            if key is not None:
                found.setdefault(key, set()).add(str(path.relative_to(ROOT)))
    return found


def _source(call: str) -> str:
    """The source of the service method or function a window call reaches."""
    import importlib
    import inspect

    import app.services.services as composition

    service, name = call.split(".", 1)
    if service == "fn":
        for path in (ROOT / "app/views").rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if (
                    isinstance(node, ast.ImportFrom)
                    and (node.module or "").startswith(CORE)
                    and name in {a.asname or a.name for a in node.names}
                ):
                    return inspect.getsource(getattr(importlib.import_module(node.module), name))
        raise AssertionError(f"{name} is imported by no view")
    classes = {"officers": "OfficerService", "profiles": "ProfileStore"}
    tree = ast.parse((ROOT / "app/services/services.py").read_text("utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
        ):
            for t in node.targets:
                if isinstance(t, ast.Attribute) and t.attr == service:
                    classes[service] = node.value.func.id
    modules = {
        "OfficerService": "app.services.people.officer_service",
        "ProfileStore": "app.services.people.import_profiles",
    }
    cls = classes[service]
    owner = importlib.import_module(modules[cls]) if cls in modules else composition
    return inspect.getsource(getattr(getattr(owner, cls), name))


WRITES_SOMETHING = re.compile(r"\.write\(|\.audit\(|new_file\(|write_private")


def _verbs() -> dict[str, argparse.ArgumentParser]:
    """Every verb, with sub-verbs as 'officer add'."""

    def sub_of(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                return action.choices
        return {}

    out = {}
    for name, parser in sub_of(build_parser()).items():
        out[name] = parser
        out.update({f"{name} {v}": p for v, p in sub_of(parser).items()})
    return out


def test_every_write_the_window_makes_has_a_verb_listed_here():
    window = set(_calls("app/views"))
    unlisted = window - set(WINDOW_WRITES) - set(WINDOW_ONLY) - READS
    assert not unlisted, (
        f"The window calls {sorted(unlisted)} but this table names no verb for it: add a "
        "verb calling the same service method (app/commands/) and list it in WINDOW_WRITES, "
        "or in WINDOW_ONLY if it writes nothing a script could repeat."
    )
    gone = (set(WINDOW_WRITES) | set(WINDOW_ONLY) | READS) - window
    assert not gone, f"The window no longer calls {sorted(gone)}; drop them from the table."


def test_no_call_listed_as_a_read_writes():
    """A write listed among the reads would escape the table: none may open a write."""
    writing = sorted(call for call in READS if WRITES_SOMETHING.search(_source(call)))
    assert not writing, f"{writing} write to the vault or a file; list them in WINDOW_WRITES"


def test_the_listed_writes_do_write():
    """The check above can see a write: the table's direct writers show one."""
    direct = [c for c in WINDOW_WRITES if WRITES_SOMETHING.search(_source(c))]
    assert len(direct) >= len(WINDOW_WRITES) // 2, direct


def test_each_listed_verb_exists_and_calls_the_same_service_method():
    verbs = _verbs()
    cli = _calls("app/commands")
    for call, names in WINDOW_WRITES.items():
        missing = [n for n in names if n not in verbs]
        assert not missing, f"{call}: no verb {missing}"
        assert call in cli, f"{call}: no module in app/commands calls it; {names} must."
        # The verb's handler lives in a module that makes the call.
        modules = {verbs[n].get_default("handler").__module__ for n in names}
        callers = {f.removesuffix(".py").replace("/", ".") for f in cli[call]}
        assert modules & callers, f"{call}: the handlers of {names} are in {modules}"


def test_each_listed_verb_is_run_by_a_test():
    """The verbs exist and run: each is invoked by an end-to-end or command test."""
    texts = "\n".join(
        p.read_text("utf-8")
        for folder in ("tests/e2e", "tests/unit")
        for p in (ROOT / folder).rglob("test_*.py")
        if p.name != Path(__file__).name
    )
    for names in WINDOW_WRITES.values():
        for name in names:
            verb = name.split()[-1]
            assert f'"{verb}"' in texts, f"no test runs `casepath {name}`"


def test_every_listing_verb_takes_json():
    listing = [
        "cases", "records", "attachments", "employees", "plan", "review", "agenda", "packs",
        "flags", "exceptions", "recommend", "history", "audit", "retention", "calibration",
        "officer list", "templates list", "policy", "settings",
    ]  # fmt: skip
    verbs = _verbs()
    for name in listing:
        options = {o for a in verbs[name]._actions for o in a.option_strings}
        assert "--json" in options, f"`casepath {name}` lists but has no --json"


def test_every_writing_verb_acts_as_a_named_officer():
    verbs = _verbs()
    for names in WINDOW_WRITES.values():
        for name in names:
            if name == "restore":  # makes a vault file from a backup; no vault is open to act in
                continue
            parser = verbs[name]
            if name.startswith("templates "):  # the vault and --officer come before the verb
                parser = verbs["templates"]
            options = {o for a in parser._actions for o in a.option_strings}
            assert "--officer" in options, f"`casepath {name}` has no --officer"
