"""What every subcommand shares: reading passphrases safely and opening the vault."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.services import Services

PASSPHRASE_ENV = "CASEPATH_PASSPHRASE"
MIN_PASSPHRASE = 10


class CommandError(Exception):
    """A problem with what the user asked for; printed without a traceback."""


def add_vault_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("vault", type=Path, help="the vault file (.casepath)")
    add_passphrase_options(parser)


def add_passphrase_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        help=f"read the passphrase from the first line of this file (or set {PASSPHRASE_ENV})",
    )
    parser.add_argument(
        "--officer",
        help="act as this officer (default: the vault's first active one; unknown names refused)",
    )


def read_passphrase(
    args: argparse.Namespace, prompt: str = "Passphrase: ", confirm: bool = False
) -> str:
    """From --passphrase-file, then CASEPATH_PASSPHRASE, then the terminal without echo."""
    file = getattr(args, "passphrase_file", None)
    if file:
        try:
            # utf-8-sig: Windows editors may start the file with a byte-order mark.
            text = Path(file).read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise CommandError(f"Cannot read the passphrase file: {exc.strerror}.") from None
        except UnicodeDecodeError:
            raise CommandError("The passphrase file is not UTF-8 text; save it as UTF-8.") from None
        if not text or not text[0]:
            raise CommandError("The passphrase file is empty.")
        return text[0]
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise CommandError(
            f"No passphrase: use --passphrase-file or set {PASSPHRASE_ENV} when not at a terminal."
        )
    first = getpass.getpass(prompt)
    if confirm:
        second = getpass.getpass("Repeat the passphrase: ")
        if first != second:
            raise CommandError("The two passphrases differ; nothing was created.")
    return first


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise CommandError(
            f"Choose a passphrase of at least {MIN_PASSPHRASE} characters; "
            "a few unrelated words work well."
        )


def open_services(args: argparse.Namespace) -> Services:
    from app.services.services import open_vault

    passphrase = read_passphrase(args)
    return open_vault(args.vault, passphrase, officer_name=getattr(args, "officer", None))


# -- argument types shared by every verb: bounded, so a hostile value is a message ------------
DATE_SPAN_YEARS = 10  # deadline arithmetic spans at most 20 years; cases live near today
MAX_ID = 2**63 - 1  # SQLite's INTEGER


def date_arg(text: str) -> date:
    """An ISO date within DATE_SPAN_YEARS of today (``--on``, ``--from``, ``--to``, …)."""
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-16") from None
    today = date.today()
    lo = today.replace(year=today.year - DATE_SPAN_YEARS, month=1, day=1)
    hi = today.replace(year=today.year + DATE_SPAN_YEARS, month=12, day=31)
    if not lo <= value <= hi:
        raise argparse.ArgumentTypeError(
            f"'{text}' is too far from today; give a date between {lo.isoformat()} and "
            f"{hi.isoformat()}"
        )
    return value


def int_arg(minimum: int, maximum: int, what: str = "number") -> Callable[[str], int]:
    """An argparse type for a whole number in [minimum, maximum]."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole {what}") from None
        if not minimum <= value <= maximum:
            raise argparse.ArgumentTypeError(
                f"{value} is out of range; give a {what} from {minimum} to {maximum}"
            )
        return value

    parse.__name__ = what  # argparse names the type in its messages
    return parse


def id_arg(text: str) -> int:
    return int_arg(1, MAX_ID, "id")(text)


# -- listing verbs: --json prints what the table shows, as data ------------------------------
def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _plain(value: object) -> object:
    """Dates, enums and record dataclasses as JSON values (ISO dates, enum values)."""
    import dataclasses
    from datetime import datetime
    from enum import Enum

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def print_json(value: object) -> None:
    import json

    print(json.dumps(_plain(value), indent=2, ensure_ascii=False))
