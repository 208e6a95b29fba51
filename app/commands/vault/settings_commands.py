"""settings: the vault's own settings (the language its documents are written in)."""

from __future__ import annotations

import argparse

from app.commands.common import (
    CommandError,
    add_json_option,
    add_vault_argument,
    open_services,
    print_json,
)
from app.domain.words.translation import LANGUAGES


def register(sub: argparse._SubParsersAction) -> None:
    choices = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
    p = sub.add_parser(
        "settings",
        help="show or change the vault's settings (document language)",
        description="Without options, shows the settings. Packs, redacted summaries, the "
        "calibration report, calendar texts and CLI tables follow the document language.",
    )
    add_vault_argument(p)
    p.add_argument(
        "--document-language",
        metavar="LANG",
        help=f"the language of documents written from this vault: {choices}",
    )
    add_json_option(p)
    p.set_defaults(handler=cmd_settings)


def cmd_settings(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        settings = services.vault_settings
        if args.document_language is not None:
            before = settings.document_language()
            try:
                now = settings.set_document_language(args.document_language)
            except ValueError as exc:
                raise CommandError(str(exc)) from None
            if args.json:
                print_json({"document_language": now, "changed": now != before})
            elif now == before:
                print(f"Documents are already written in {LANGUAGES[now]}; nothing changed.")
            else:
                print(f"Documents are now written in {LANGUAGES[now]}.")
            return 0
        if args.json:
            print_json({"document_language": settings.document_language()})
        else:
            print(f"Document language: {LANGUAGES[settings.document_language()]}")
    finally:
        services.close()
    return 0
