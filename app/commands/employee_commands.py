"""import-employees: load people from an HRIS CSV export, with the same checks as the app."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import CommandError, add_vault_argument, open_services
from app.services.employee_import import (
    FIELDS_BY_KEY,
    CsvImportError,
    ImportMode,
    encoding_label,
    existing_by_number,
    parse_mapping_options,
    plan_import,
    read_csv,
    run_import,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-employees",
        help="import employees from a CSV export (checks every row before writing)",
        description="Columns are matched to fields by their names; override with --map. "
        f"Fields: {', '.join(FIELDS_BY_KEY)}. Nothing is written if any row has an error, "
        "unless --valid-rows is given.",
    )
    add_vault_argument(p)
    p.add_argument("file", type=Path, help="the CSV file")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="feed FIELD from the column named COLUMN (repeatable)",
    )
    p.add_argument(
        "--valid-rows", action="store_true", help="import the valid rows and skip rows with errors"
    )
    p.add_argument("--dry-run", action="store_true", help="show the report, write nothing")
    p.add_argument("--encoding", help="the file's encoding (default: detected)")
    p.add_argument("--delimiter", help="the column separator (default: detected)")
    order = p.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first",
        dest="day_first",
        action="store_true",
        default=None,
        help="read 01/02/2024 as 1 February",
    )
    order.add_argument(
        "--month-first", dest="day_first", action="store_false", help="read 01/02/2024 as 2 January"
    )
    p.set_defaults(handler=cmd_import_employees)


def cmd_import_employees(args: argparse.Namespace) -> int:
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise CommandError(f"Cannot read {args.file}: {exc.strerror}.") from None
    delimiter = args.delimiter.replace("\\t", "\t") if args.delimiter else None
    try:
        table = read_csv(data, args.encoding, delimiter)
        mapping = parse_mapping_options(args.map, table.headers)
    except CsvImportError as exc:
        raise CommandError(f"{args.file.name}: {exc}") from None
    services = open_services(args)
    try:
        plan = plan_import(
            table,
            mapping,
            existing_by_number(services.employees),
            services.clock.today(),
            args.day_first,
        )
        print(
            f"{args.file.name}: {encoding_label(table.encoding)}, "
            f"{'tab' if table.delimiter == chr(9) else repr(table.delimiter)}-separated."
        )
        for key, header in mapping.items():
            print(f"  {FIELDS_BY_KEY[key].label:<16} <- {header}")
        if plan.date_note:
            print(f"  {plan.date_note}")
        for problem in plan.problems:
            print(f"  {problem}")
        print(plan.summary())
        if plan.mapping_errors:
            raise CommandError("Nothing was imported. Use --map COLUMN=FIELD to choose columns.")
        if args.dry_run:
            print("Dry run: nothing was written.")
            return 0 if plan.ok else 1
        mode = ImportMode.VALID_ROWS if args.valid_rows else ImportMode.ALL_OR_NOTHING
        try:
            result = run_import(services.employees, plan, mode)
        except CsvImportError as exc:
            raise CommandError(f"{args.file.name}: {exc}") from None
        print(result)
    finally:
        services.close()
    return 0
