"""import-employees: load people from an HR system's CSV export, with the same checks as the app."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import CommandError, add_vault_argument, open_services
from app.services.people.header_mapping import FIELDS_BY_KEY
from app.services.people.import_dates import DATE_ORDERS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-employees",
        help="import employees from a CSV export (checks every row before writing)",
        description="Columns are matched to fields by their names (the usual headers of "
        "BambooHR, Workday, Personio, SuccessFactors, HiBob, Sage HR, Factorial, in English and "
        f"German); override with --map and --ignore. Fields: {', '.join(FIELDS_BY_KEY)}. "
        "Employees match stored ones by employee number; an empty cell never overwrites. "
        "Nothing is written if any row has an error, unless --valid-rows is given.",
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
        "--ignore",
        action="append",
        default=[],
        metavar="COLUMN",
        help="do not read the column named COLUMN, even if its name is known (repeatable)",
    )
    p.add_argument(
        "--valid-rows", action="store_true", help="import the valid rows and skip rows with errors"
    )
    p.add_argument(
        "--dry-run", action="store_true", help="show the report and the diff, write nothing"
    )
    p.add_argument("--encoding", help="the file's encoding, e.g. cp1250 (default: detected)")
    p.add_argument("--delimiter", help="the column separator (default: detected)")
    p.add_argument(
        "--date-order",
        choices=DATE_ORDERS,
        help="how to read numeric dates such as 03/04/2024 (needed when the file cannot show it)",
    )
    order = p.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first",
        dest="day_first",
        action="store_true",
        default=None,
        help="= --date-order dmy",
    )
    order.add_argument(
        "--month-first", dest="day_first", action="store_false", help="= --date-order mdy"
    )
    p.add_argument(
        "--profile",
        metavar="NAME",
        help="use the mapping profile NAME saved in the vault (its --map, --ignore, encoding...)",
    )
    p.add_argument(
        "--save-profile",
        metavar="NAME",
        help="save this import's mapping and options in the vault as profile NAME",
    )
    p.set_defaults(handler=cmd_import_employees)


def _date_order(args: argparse.Namespace, saved: str | None) -> str | None:
    if args.date_order:
        return args.date_order
    if args.day_first is not None:
        return "dmy" if args.day_first else "mdy"
    return saved


def cmd_import_employees(args: argparse.Namespace) -> int:
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise CommandError(f"Cannot read {args.file}: {exc.strerror}.") from None
    services = open_services(args)
    try:
        return _run(args, data, services)
    finally:
        services.close()


def _run(args: argparse.Namespace, data: bytes, services) -> int:  # noqa: ANN001
    from app.services.people.employee_import import (
        CsvImportError,
        ImportMode,
        encoding_label,
        existing_by_number,
        parse_mapping_options,
        plan_import,
        read_csv,
        run_import,
    )
    from app.services.people.import_profiles import ImportProfile, ProfileStore

    store = ProfileStore(services.vault)
    profile = None
    if args.profile:
        profile = store.get(args.profile)
        if profile is None:
            names = ", ".join(store.names()) or "none saved yet"
            raise CommandError(f"No import profile '{args.profile}' (profiles: {names}).")
    delimiter = args.delimiter.replace("\\t", "\t") if args.delimiter else None
    encoding = args.encoding or (profile.encoding if profile else None)
    delimiter = delimiter or (profile.delimiter if profile else None)
    date_order = _date_order(args, profile.date_order if profile else None)
    try:
        table = read_csv(data, encoding, delimiter)
        ignore = [*(profile.ignore if profile else ()), *args.ignore]
        ignore = [c for c in ignore if c in table.headers or c in args.ignore]
        mapping = parse_mapping_options(
            args.map, table.headers, ignore, profile.mapping if profile else None
        )
    except CsvImportError as exc:
        raise CommandError(f"{args.file.name}: {exc}") from None
    plan = plan_import(
        table, mapping, existing_by_number(services.employees), services.clock.today(), date_order
    )
    print(
        f"{args.file.name}: {encoding_label(table.encoding)}, "
        f"{'tab' if table.delimiter == chr(9) else repr(table.delimiter)}-separated."
    )
    for key, header in mapping.items():
        print(f"  {FIELDS_BY_KEY[key].label:<16} <- {header}")
    for note in plan.notes():
        print(f"  {note}")
    for problem in plan.problems:
        print(f"  {problem}")
    print(plan.summary())
    if plan.mapping_errors:
        raise CommandError("Nothing was imported. Use --map COLUMN=FIELD to choose columns.")
    if plan.date_stop:
        raise CommandError("Nothing was imported. " + plan.date_stop)
    if args.save_profile:
        store.save(
            ImportProfile(
                args.save_profile, mapping, tuple(ignore), encoding, delimiter, date_order
            )
        )
        print(f"Profile '{args.save_profile}' saved in the vault.")
    if args.dry_run:
        for line in plan.diff_lines():
            print(line)
        print("Dry run: nothing was written.")
        return 0 if plan.ok else 1
    mode = ImportMode.VALID_ROWS if args.valid_rows else ImportMode.ALL_OR_NOTHING
    try:
        result = run_import(services.employees, plan, mode)
    except CsvImportError as exc:
        raise CommandError(f"{args.file.name}: {exc}") from None
    print(result)
    return 0
