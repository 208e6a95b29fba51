"""`casepath`: the desktop app with no subcommand, headless vault operations with one.

Subcommands live in `app/commands/*_commands.py`; each module has `register(subparsers)`.
Those modules import services and heavy libraries inside their handlers, so building the
parser stays light for every verb (tests/unit/project/test_cli_start_imports.py).
Passphrases come from the terminal without echo, from `--passphrase-file`, or from the
`CASEPATH_PASSPHRASE` environment variable — never from a plain argument.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.commands.common import CommandError
from app.hardening import harden_process, sweep_beside
from app.safe_traceback import safe_format
from app.vault.errors import VaultError

COMMAND_MODULES = [
    "app.commands.vault.vault_commands",
    "app.commands.vault.data_commands",
    "app.commands.people.employee_commands",
    "app.commands.cases.escalation_commands",
    "app.commands.cases.plan_commands",
    "app.commands.cases.document_commands",
    "app.commands.vault.calibration_commands",
    "app.commands.vault.backup_commands",
    "app.commands.vault.audit_commands",
    "app.commands.people.officer_commands",
    "app.commands.privacy.retention_commands",
    "app.commands.privacy.handover_commands",
    "app.commands.vault.settings_commands",
    "app.commands.cases.history_commands",
    "app.commands.vault.template_commands",
    "app.commands.cases.record_commands",
    "app.commands.cases.plan_write_commands",
    "app.commands.cases.plan_edit_commands",
    "app.commands.cases.policy_commands",
    "app.commands.cases.file_commands",
    "app.commands.people.employee_list_commands",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casepath",
        description="Casepath keeps HR performance-escalation cases in an encrypted vault. "
        "Without a command it starts the desktop app. Every change the window can make has a "
        "command below, checked by the same rights, stage rules and audit; `casepath COMMAND "
        "--help` lists its options, --officer NAME acts as that officer, and commands that "
        "list things print JSON with --json. Bad input exits with status 2 and a message.",
    )
    parser.add_argument("--version", action="version", version=f"casepath {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="build a fresh demo vault in a temporary folder and open the app on it",
    )
    parser.add_argument("--vault", help="open the app on this vault file")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (vault, SQLCipher, PDF fonts, Qt, printers) in a "
        "throwaway folder; exit status 0 when all pass",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def vault_shortcut(argv: Sequence[str], parser: argparse.ArgumentParser) -> list[str]:
    """`casepath FILE` (what "Open with Casepath" runs) means `casepath --vault FILE`.

    Only when FILE is not a command's name and is an existing path or ends in `.casepath`.
    """
    args = list(argv)
    if not args or args[0].startswith("-"):
        return args
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    first = args[0]
    if first in commands.choices or not (first.endswith(".casepath") or Path(first).exists()):
        return args
    return ["--vault", first, *args[1:]]


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()  # umask 077, no core dumps: before anything is read or written
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(vault_shortcut(argv, parser))
    sweep_beside(*(getattr(args, k, None) for k in ("vault", "out", "target")))
    if args.self_test:
        from app.qt_self_test import qt_checks  # Qt only when the self-test runs
        from app.services.self_test import main as self_test

        return self_test(extra=qt_checks)
    if args.command is None:
        from app.main import run_app  # Qt is imported only when the GUI is wanted

        return run_app(demo=args.demo, vault_path=args.vault)
    try:
        return int(args.handler(args) or 0)
    except (VaultError, CommandError) as exc:
        print(f"casepath: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `casepath cases … | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("casepath: cancelled; nothing was changed.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug: report where, never what (it may be a name)
        print(
            "casepath: unexpected error; nothing more was changed.\n" + safe_format(exc),
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
