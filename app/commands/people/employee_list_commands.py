"""employees: the people the vault holds (the window's Employees window), as a table or JSON.

Adding or changing one is `new-employee` (``--update``); erasing one is `erase --employee`.
"""

from __future__ import annotations

import argparse

from app.commands.common import add_json_option, add_vault_argument, open_services, print_json
from app.domain.words.wording import plural


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("employees", help="list the employees: number, name, department, manager")
    add_vault_argument(p)
    p.add_argument("--department", help="only this department")
    add_json_option(p)
    p.set_defaults(handler=cmd_employees)


def cmd_employees(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        people = services.employees.all()
    finally:
        services.close()
    if args.department is not None:
        wanted = args.department.strip().casefold()
        people = [e for e in people if e.department.casefold() == wanted]
    if args.json:
        print_json(people)
        return 0
    for e in people:
        print(f"{e.employee_number:<12} {e.name:<28} {e.department:<20} {e.manager}")
    print(f"{plural(len(people), 'employee')}.")
    return 0
