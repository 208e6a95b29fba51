"""policy: show the vault's escalation policy, list its stored versions, or import a new one
(the window's Preferences → Policy). Import calls `EscalationService.import_policy`, as the
window does, so the file is checked the same way and the import is audited."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.cases.escalation_commands import _run
from app.commands.common import add_json_option, add_vault_argument, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("policy", help="show the vault's escalation policy or import a new one")
    add_vault_argument(p)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument(
        "--import",
        dest="import_file",
        type=Path,
        metavar="FILE",
        help="validate FILE and store it as the policy for new cases",
    )
    group.add_argument("--show", action="store_true", help="print the current policy text")
    group.add_argument("--versions", action="store_true", help="list stored policy versions")
    add_json_option(p)
    p.set_defaults(handler=cmd_policy)


def cmd_policy(args: argparse.Namespace) -> int:
    from app.services.services import Services

    def body(s: Services) -> int:
        if args.import_file:
            policy = s.escalation.import_policy(args.import_file)
            current = s.escalation.current_policy_id()
            if args.json:
                print_json({"id": current, "name": policy.name, "version": policy.version})
                return 0
            print(
                f"Imported '{policy.name}' {policy.version} as policy version "
                f"{current}; new cases use it, open cases keep theirs."
            )
        elif args.versions:
            versions = s.escalation.policy_versions()
            if args.json:
                current = s.escalation.current_policy_id()
                print_json(
                    [
                        {
                            "id": v.id,
                            "name": v.name,
                            "sha256": v.sha256,
                            "created_at": v.created_at,
                            "current": v.id == current,
                        }
                        for v in versions
                    ]
                )
                return 0
            for v in versions:
                when = s.vault_settings.document_formats().date(v.created_at.date())
                print(f"{v.id}  {when}  {v.sha256[:12]}  {v.name}")
        else:
            policy = s.escalation.current_policy()
            if args.json:
                print_json(
                    {"name": policy.name, "version": policy.version, "source": policy.source_text}
                )
                return 0
            print(policy.source_text, end="")
        return 0

    return _run(args, body)
