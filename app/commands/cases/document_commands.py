"""pack, packs, verify-pack, redact: documentation packs and redacted summaries from the shell."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.common import (
    CommandError,
    add_json_option,
    add_vault_argument,
    date_arg,
    open_services,
    print_json,
)
from app.documents.redaction.includable import INCLUDABLE
from app.domain.words.wording import plural

if TYPE_CHECKING:
    from app.documents.pdf.pack_data import MeetingType


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pack", help="generate the documentation pack for a formal meeting")
    add_vault_argument(p)
    p.add_argument("case", help="case reference, e.g. C-2026-0007")
    p.add_argument(
        "--meeting", required=True, type=_meeting, help="review, formal_concern or outcome"
    )
    p.add_argument("--out", type=Path, required=True, help="the PDF to write (must not exist)")
    p.add_argument("--letter", action="store_true", help="US Letter pages instead of A4")
    p.add_argument(
        "--date",
        type=_date,
        help="meeting date, YYYY-MM-DD (default: the next scheduled review, or today)",
    )
    p.add_argument("--place", help="where the meeting takes place")
    p.add_argument(
        "--with-audit",
        action="store_true",
        help="append the case's audit trail (who did what, when) as the pack's last section",
    )
    p.add_argument(
        "--password-file",
        type=Path,
        help="protect the PDF (AES-256) with the password on this file's first line",
    )
    p.set_defaults(handler=cmd_pack)

    p = sub.add_parser("packs", help="list the documentation packs stored for a case")
    add_vault_argument(p)
    p.add_argument("case", help="case reference")
    add_json_option(p)
    p.set_defaults(handler=cmd_packs)

    p = sub.add_parser(
        "verify-pack", help="check a pack PDF against the vault as it was when generated"
    )
    add_vault_argument(p)
    p.add_argument("pdf", type=Path, help="the pack to check")
    p.add_argument("--password-file", type=Path, help="the PDF's password, if it is protected")
    p.set_defaults(handler=cmd_verify_pack)

    p = sub.add_parser(
        "redact",
        help="export a summary of a case that names nobody",
        description="Writes a redacted summary (.pdf, .csv or .json, from the "
        "file name). Only structured facts go in unless you --include free-text "
        "fields: " + "; ".join(f"{k} ({v})" for k, v in INCLUDABLE.items()) + ".",
    )
    add_vault_argument(p)
    p.add_argument("case", help="case reference")
    p.add_argument("--out", type=Path, required=True, help="FILE.pdf, FILE.csv or FILE.json")
    p.add_argument(
        "--include",
        nargs="+",
        default=[],
        metavar="FIELD",
        choices=list(INCLUDABLE),
        help="free-text fields to include, names and contact details replaced",
    )
    p.add_argument(
        "--generalise-departments", action="store_true", help="withhold the department name"
    )
    p.add_argument("--letter", action="store_true", help="US Letter pages instead of A4")
    p.set_defaults(handler=cmd_redact)


def _meeting(text: str) -> MeetingType:
    from app.documents.pdf.pack_data import MeetingType

    try:
        return MeetingType.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _date(text: str) -> date:
    return date_arg(text)


def _password(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()  # a BOM is not the password
    except OSError as exc:
        raise CommandError(f"Cannot read the password file: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise CommandError("The password file is not UTF-8 text; save it as UTF-8.") from None
    if not lines or not lines[0]:
        raise CommandError("The password file is empty.")
    return lines[0]


def cmd_pack(args: argparse.Namespace) -> int:
    from app.documents.pdf.fonts import UnprintableText
    from app.documents.pdf.page_template import PageSize
    from app.services.documents.document_service import MeetingDetails, check_pdf_password

    if args.out.suffix.lower() != ".pdf":
        raise CommandError("A documentation pack is a PDF: give --out a name ending in .pdf.")
    if args.out.exists():
        raise CommandError(f"{args.out} already exists; choose another name.")
    if not args.out.parent.is_dir():  # before a pack is generated and stored in the vault
        raise CommandError(f"The folder {args.out.parent} does not exist.")
    password = _password(args.password_file)
    if password is not None:
        check_pdf_password(password)
    services = open_services(args)
    try:
        case = services.cases.by_reference(args.case)
        meeting = MeetingDetails(
            args.meeting, meeting_date=args.date, place=args.place, with_audit=args.with_audit
        )
        try:
            pack = services.documents.generate(
                case.id, meeting, PageSize.LETTER if args.letter else PageSize.A4
            )
        except UnprintableText as exc:
            raise CommandError(str(exc)) from None
        services.documents.export_pack(pack.id, args.out, password)
    finally:
        services.close()
    protected = " (password-protected, AES-256)" if password else ""
    print(
        f"Wrote {args.out}{protected}: {args.meeting.label.lower()} pack for {case.reference}, "
        f"integrity code {pack.integrity_code}. The pack is also kept in the vault."
    )
    return 0


def cmd_packs(args: argparse.Namespace) -> int:
    from app.documents.pdf.pack_data import MeetingType

    services = open_services(args)
    try:
        case = services.cases.by_reference(args.case)
        packs = services.documents.packs(case.id)
        f = services.vault_settings.document_formats()
    finally:
        services.close()
    if args.json:
        print_json(
            [
                {
                    "id": p.id,
                    "created_at": p.created_at,
                    "integrity_code": p.integrity_code,
                    "meeting_type": p.meeting_type,
                    "meeting_date": p.meeting_date,
                    "page_size": p.page_size,
                    "head_seq": p.head_seq,
                    "head_hash": p.head_hash,
                }
                for p in packs
            ]
        )
        return 0
    for p in packs:
        print(
            f"{p.id:>5}  {f.datetime(p.created_at)}  {p.integrity_code:<18}  "
            f"{MeetingType(p.meeting_type).label} on {f.date(p.meeting_date)}  "
            f"({p.page_size.upper()})"
        )
    print(f"{plural(len(packs), 'pack')} for {case.reference}.")
    return 0


def cmd_verify_pack(args: argparse.Namespace) -> int:
    try:
        pdf = args.pdf.read_bytes()
    except OSError as exc:
        raise CommandError(f"Cannot read {args.pdf}: {exc.strerror}.") from None
    password = _password(args.password_file)
    services = open_services(args)
    try:
        result = services.documents.verify_pack(pdf, password)
    finally:
        services.close()
    print(result)
    return 0 if result.matches else 1


def cmd_redact(args: argparse.Namespace) -> int:
    from app.documents.pdf.fonts import UnprintableText
    from app.documents.pdf.page_template import PageSize
    from app.documents.redaction.redaction import RedactionOptions, UnknownField
    from app.documents.redaction.redaction_verifier import RedactionRefused

    kind = args.out.suffix.lower().lstrip(".")
    if kind not in ("pdf", "csv", "json"):
        raise CommandError("Give --out a name ending in .pdf, .csv or .json.")
    if args.out.exists():
        raise CommandError(f"{args.out} already exists; choose another name.")
    try:
        options = RedactionOptions(
            include=frozenset(args.include), generalise_departments=args.generalise_departments
        )
    except UnknownField as exc:
        raise CommandError(str(exc)) from None
    services = open_services(args)
    try:
        case = services.cases.by_reference(args.case)
        try:
            services.documents.export_redacted(
                case.id, args.out, options, PageSize.LETTER if args.letter else PageSize.A4
            )
        except (RedactionRefused, UnprintableText) as exc:
            raise CommandError(str(exc)) from None
    finally:
        services.close()
    included = ", ".join(sorted(options.include)) or "none"
    print(
        f"Wrote {args.out}: redacted summary of {case.reference} (free text included: "
        f"{included}); checked, it names no one in the vault."
    )
    return 0
