"""attachments, attachment-save, pack-export: the files a case holds, out of the vault.

The window's attachment "Save as…" and the Documents tab's "Export…" of a stored pack, as verbs:
the same audited service calls (`AttachmentService.save_as`, `DocumentService.export_pack`), so
the trail records which file left the vault, when and by whom. Neither verb replaces an existing
file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.cases.document_commands import _password
from app.commands.cases.record_commands import run
from app.commands.common import CommandError, add_json_option, add_vault_argument, id_arg
from app.domain.words.wording import plural


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("attachments", help="list the files attached to a case's records")
    add_vault_argument(p)
    p.add_argument("case", metavar="REF", help="the case reference, e.g. C-2026-0007")
    add_json_option(p)
    p.set_defaults(handler=cmd_attachments)

    p = sub.add_parser(
        "attachment-save",
        help="save a copy of an attachment to a file (checked against its checksum; audited)",
    )
    add_vault_argument(p)
    p.add_argument("attachment", type=id_arg, help="the attachment's id (see `attachments`)")
    p.add_argument("--out", type=Path, required=True, help="the file to write (must not exist)")
    p.set_defaults(handler=cmd_attachment_save)

    p = sub.add_parser(
        "pack-export", help="write a documentation pack kept in the vault to a PDF (audited)"
    )
    add_vault_argument(p)
    p.add_argument("pack", type=id_arg, help="the pack's id (see `packs REF`)")
    p.add_argument("--out", type=Path, required=True, help="the PDF to write (must not exist)")
    p.add_argument(
        "--password-file",
        type=Path,
        help="protect the PDF (AES-256) with the password on this file's first line",
    )
    p.set_defaults(handler=cmd_pack_export)


def _new_target(path: Path) -> None:
    if path.exists():
        raise CommandError(f"{path} already exists; choose another name. Nothing was written.")
    if not path.parent.is_dir():
        raise CommandError(f"The folder {path.parent} does not exist. Nothing was written.")


def cmd_attachments(args: argparse.Namespace) -> int:
    from app.services.services import Services

    def body(s: Services) -> list | None:
        case = s.cases.by_reference(args.case)
        rows = [
            {
                "id": a.id,
                "record": a.owner_type.value,
                "record_id": a.owner_id,
                "filename": a.filename,
                "media_type": a.media_type,
                "size": a.size,
                "sha256": a.sha256,
                "added_at": a.added_at.isoformat(),
                "added_by": a.added_by,
            }
            for a in s.attachments.for_case(case.id)
        ]
        if args.json:
            return rows
        for r in rows:
            print(
                f"{r['id']:>5}  {r['record']:<12} {r['record_id']:>5}  {r['size']:>9} B  "
                f"{r['filename']}"
            )
        print(f"{plural(len(rows), 'attachment')} on {case.reference}.")
        return None

    return run(args, body)


def cmd_attachment_save(args: argparse.Namespace) -> int:
    from app.services.services import Services

    _new_target(args.out)

    def body(s: Services) -> None:
        att = s.attachments.get(args.attachment)
        s.attachments.save_as(att.id, args.out)
        print(f"Saved attachment {att.id} ({att.filename}) to {args.out}.")

    return run(args, body)


def cmd_pack_export(args: argparse.Namespace) -> int:
    from app.services.documents.document_service import check_pdf_password
    from app.services.services import Services

    if args.out.suffix.lower() != ".pdf":
        raise CommandError("A documentation pack is a PDF: give --out a name ending in .pdf.")
    _new_target(args.out)
    password = _password(args.password_file)
    if password is not None:
        check_pdf_password(password)

    def body(s: Services) -> None:
        s.documents.export_pack(args.pack, args.out, password)
        protected = " (password-protected, AES-256)" if password else ""
        print(f"Wrote pack {args.pack} to {args.out}{protected}.")

    return run(args, body)
