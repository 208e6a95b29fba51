"""templates VAULT list | export | import | reset: the vault's conversation prompts.

The same as Preferences → Templates in the window: one set of prompts per kind of
conversation, edited sets kept in the vault, "reset" back to the shipped set. Export writes one
TOML file per kind into a folder (0600, written whole or not at all); import reads files named
after their kind (``check_in.toml``), or one file with ``--kind``, and stores all or nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import (
    CommandError,
    add_json_option,
    add_passphrase_options,
    open_services,
    print_json,
)
from app.domain.prompt_templates import TemplateKind


def register(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser(
        "templates", help="list, export, import or reset the vault's conversation prompts"
    )
    top.add_argument("vault", type=Path, help="the vault file (.casepath)")
    add_passphrase_options(top)
    verbs = top.add_subparsers(dest="templates_command", metavar="VERB", required=True)

    p = verbs.add_parser("list", help="each kind of prompts, shipped or edited in this vault")
    add_json_option(p)
    p.set_defaults(handler=cmd_list)

    p = verbs.add_parser("export", help="write each kind's prompts as KIND.toml into a folder")
    p.add_argument("--out", type=Path, required=True, help="an existing folder")
    p.add_argument("--kind", help="only this kind (e.g. check_in)")
    p.set_defaults(handler=cmd_export)

    p = verbs.add_parser("import", help="keep edited prompts in the vault (checked first)")
    p.add_argument("files", type=Path, nargs="+", help="TOML files named after their kind")
    p.add_argument("--kind", help="the kind, when importing one file with another name")
    p.set_defaults(handler=cmd_import)

    p = verbs.add_parser("reset", help="back to the prompts shipped with Casepath")
    p.add_argument("--kind", help="only this kind (default: every kind)")
    p.set_defaults(handler=cmd_reset)


def _kind(text: str | None) -> TemplateKind | None:
    from app.services.cases.conversation_prompts import PromptsError
    from app.services.cases.template_service import parse_kind

    if text is None:
        return None
    try:
        return parse_kind(text)
    except PromptsError as exc:
        raise CommandError(str(exc)) from None


def cmd_list(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        entries = services.templates.entries()
    finally:
        services.close()
    if args.json:
        print_json(
            [
                {
                    "kind": e.kind.value,
                    "label": e.kind.label,
                    "edited": e.edited,
                    "updated_at": e.updated_at or None,
                    "updated_by": e.updated_by or None,
                }
                for e in entries
            ]
        )
        return 0
    for e in entries:
        state = (
            f"edited in this vault by {e.updated_by} on {e.updated_at[:10]}"
            if e.edited
            else "as shipped"
        )
        print(f"{e.kind.value}\t{e.kind.label}\t{state}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.services.documents.export_file import new_file
    from app.vault.errors import CannotWriteFile

    folder: Path = args.out
    if not folder.is_dir():
        raise CommandError(f"{folder} is not a folder; create it first or choose another.")
    only = _kind(args.kind)
    services = open_services(args)
    try:
        entries = [e for e in services.templates.entries() if only in (None, e.kind)]
    finally:
        services.close()
    for e in entries:
        target = folder / f"{e.kind.value}.toml"
        try:
            with new_file(target, e.text.encode("utf-8")):
                pass
        except CannotWriteFile as exc:
            raise CommandError(str(exc)) from None
        print(f"Wrote {target}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.services.cases.conversation_prompts import PromptsError

    named = _kind(args.kind)
    if named is not None and len(args.files) != 1:
        raise CommandError("--kind names the kind of one file; give one file with it.")
    texts: dict[TemplateKind, str] = {}
    for path in args.files:
        kind = named or _kind(path.name)
        try:
            texts[kind] = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{path} is not UTF-8 text; save it as UTF-8.") from None
    services = open_services(args)
    try:
        services.templates.save_many(texts)
    except PromptsError as exc:
        raise CommandError(f"Nothing imported. {exc}") from None
    finally:
        services.close()
    print("Imported: " + ", ".join(k.label for k in texts) + ".")
    return 0


def cmd_reset(args: argparse.Namespace) -> int:
    only = _kind(args.kind)
    services = open_services(args)
    try:
        changed = services.templates.reset([only] if only else None)
    finally:
        services.close()
    if changed:
        print("Back to the shipped prompts: " + ", ".join(k.label for k in changed) + ".")
    else:
        print("Nothing to reset: the prompts are as shipped.")
    return 0
