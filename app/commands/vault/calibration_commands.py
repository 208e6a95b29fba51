"""calibration: figures for a calibration meeting, as a PDF to hand round or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from app.commands.common import CommandError, add_vault_argument, date_arg, open_services


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "calibration",
        help="escalation figures by department or manager (small groups withheld)",
        description="Figures describing fewer than the policy's small_group_k people are "
        "shown as 'fewer than K'. The PDF names nobody; it is checked before it is written.",
    )
    add_vault_argument(p)
    p.add_argument("--from", dest="start", type=_date, help="period start (default: a year ago)")
    p.add_argument("--to", dest="end", type=_date, help="period end (default: today)")
    p.add_argument("--by", choices=["department", "manager"], default="department")
    p.add_argument("--pilot", metavar="DEPT", help="compare this department with the rest")
    p.add_argument("--since", type=_date, help="the pilot's start date")
    p.add_argument("--out", type=Path, help="write the PDF report here (must not exist)")
    p.add_argument(
        "--json", nargs="?", const="-", metavar="FILE", help="write JSON (to FILE or stdout)"
    )
    p.set_defaults(handler=cmd_calibration)

    p = sub.add_parser(
        "status-update", help="print a short neutral status text for a case (no notes)"
    )
    add_vault_argument(p)
    p.add_argument("case", help="case reference")
    p.add_argument(
        "--out",
        type=Path,
        help="write the text to this file instead (0600, must not exist; audited)",
    )
    p.set_defaults(handler=cmd_status_update)


def _date(text: str) -> date:
    return date_arg(text)


def _write(target: Path, data: bytes, svc: object) -> None:
    from app.services.calibration.calibration import export_calibration

    if target.exists():
        raise CommandError(f"{target} already exists; choose another name.")
    export_calibration(svc.vault, target, data, target.suffix.lstrip(".").lower() or "json")  # type: ignore[attr-defined]


def cmd_calibration(args: argparse.Namespace) -> int:
    from app.documents.pdf.calibration_report import render_calibration_pdf
    from app.documents.redaction.redaction_verifier import RedactionRefused, require_clean
    from app.services.calibration.calibration import (
        CalibrationError,
        CalibrationPolicy,
        Request,
        calibration_report,
        default_request,
        stage_names,
    )

    if not args.out and not args.json:
        raise CommandError("Say where the figures go: --out report.pdf and/or --json [FILE].")
    svc = open_services(args)
    try:
        base = default_request(svc.clock.today())
        req = Request(
            args.start or base.start, args.end or base.end, args.by, args.pilot, args.since
        )
        try:
            report = calibration_report(
                svc.vault.conn, req, CalibrationPolicy.default(), stage_names(svc)
            )
        except CalibrationError as exc:
            raise CommandError(str(exc)) from None
        index = svc.documents.identifier_index()
        try:
            if args.out:
                pdf = render_calibration_pdf(report, svc.vault_settings.document_language())
                require_clean(pdf, "pdf", index)
                _write(Path(args.out), pdf, svc)
                print(f"Wrote {args.out}")
            if args.json:
                text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
                require_clean(text.encode("utf-8"), "json", index)
                if args.json == "-":
                    sys.stdout.write(text)
                else:
                    _write(Path(args.json), text.encode("utf-8"), svc)
                    print(f"Wrote {args.json}")
        except RedactionRefused as exc:
            raise CommandError(str(exc)) from None
    finally:
        svc.close()
    return 0


def cmd_status_update(args: argparse.Namespace) -> int:
    from app.services.cases.status_update import save_status_update, status_update

    svc = open_services(args)
    try:
        case = svc.cases.by_reference(args.case)  # NotFound is reported by the CLI
        if args.out is not None:  # as the window's "Save…": audited, never over a file
            save_status_update(svc, case.id, args.out)
            print(f"Wrote the status update of {case.reference} to {args.out}.")
        else:
            sys.stdout.write(status_update(svc, case.id))
    finally:
        svc.close()
    return 0
