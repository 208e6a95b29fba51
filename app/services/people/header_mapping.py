"""Which CSV column feeds which employee field: the header names HR systems export.

The synonyms cover the exports of BambooHR, Workday, Personio, SAP SuccessFactors, HiBob,
Sage HR, Factorial and plain spreadsheets, in English and German. Headers are compared after
folding case, accents and punctuation, so "E-Mail (geschäftlich)", "e_mail geschaftlich" and
"E-MAIL GESCHÄFTLICH" are one name. Columns that match nothing are listed and ignored unless
the officer maps them (``--map "Column=field"``); a guessed column can be dropped with
``--ignore "Column"``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.services.people.csv_reading import CsvImportError


@dataclass(frozen=True)
class TargetField:
    key: str
    label: str
    required: bool
    synonyms: tuple[str, ...]


TARGET_FIELDS: tuple[TargetField, ...] = (
    TargetField(
        "employee_number",
        "Employee number",
        True,
        (
            "employee number",
            "employee id",
            "emp id",
            "emp number",
            "empno",
            "employee code",
            "personnel number",
            "staff number",
            "staff id",
            "worker id",
            "person id external",
            "person id",
            "user id",
            "employee identifier",
            "personalnummer",
            "personal number",
            "pers number",
            "mitarbeiternummer",
            "mitarbeiter number",
            "mitarbeiter id",
            "mitarbeiterkennung",
            "id",
            "number",
        ),
    ),
    TargetField(
        "name",
        "Name",
        False,
        (
            "name",
            "full name",
            "employee name",
            "legal name",
            "full legal name",
            "display name",
            "worker",
            "worker name",
            "employee",
            "formatted name",
            "vollstandiger name",
            "mitarbeiter",
            "mitarbeitername",
            "name vollstandig",
        ),
    ),
    TargetField(
        "preferred_name",
        "Preferred name",
        False,
        (
            "preferred name",
            "preferred first name",
            "nickname",
            "known as",
            "rufname",
            "bevorzugter name",
            "bevorzugter vorname",
            "anzeigename bevorzugt",
        ),
    ),
    TargetField(
        "first_name",
        "First name",
        False,
        (
            "first name",
            "given name",
            "forename",
            "firstname",
            "legal first name",
            "first name legal",
            "vorname",
            "vornamen",
        ),
    ),
    TargetField(
        "last_name",
        "Last name",
        False,
        (
            "last name",
            "surname",
            "family name",
            "lastname",
            "legal last name",
            "last name legal",
            "nachname",
            "familienname",
            "zuname",
        ),
    ),
    TargetField(
        "job_title",
        "Job title",
        False,
        (
            "job title",
            "business title",
            "position title",
            "title",
            "position",
            "job",
            "role",
            "job profile",
            "jobtitel",
            "stellenbezeichnung",
            "berufsbezeichnung",
            "funktion",
            "stelle",
        ),
    ),
    TargetField(
        "department",
        "Department",
        True,
        (
            "department",
            "dept",
            "department name",
            "supervisory organization",
            "supervisory organisation",
            "team",
            "division",
            "org unit",
            "organizational unit",
            "organisational unit",
            "cost centre",
            "cost center",
            "abteilung",
            "bereich",
            "organisationseinheit",
            "kostenstelle",
        ),
    ),
    TargetField(
        "manager",
        "Manager",
        False,
        (
            "manager",
            "line manager",
            "direct manager",
            "manager name",
            "manager full name",
            "supervisor",
            "supervisor name",
            "reports to",
            "reports to name",
            "manager legal name",
            "vorgesetzter",
            "vorgesetzte",
            "fuhrungskraft",
            "direkter vorgesetzter",
        ),
    ),
    TargetField(
        "start_date",
        "Start date",
        False,
        (
            "start date",
            "hire date",
            "original hire date",
            "date of hire",
            "hired",
            "joined",
            "start",
            "date joined",
            "employment start",
            "employment start date",
            "first day",
            "eintrittsdatum",
            "eintritt",
            "beschaftigungsbeginn",
            "startdatum",
        ),
    ),
    TargetField(
        "email",
        "E-mail",
        False,
        (
            "email",
            "work email",
            "email work",
            "business email",
            "email address",
            "work email address",
            "email address work",
            "company email",
            "mail",
            "email geschaftlich",
            "geschaftliche email",
            "arbeits email",
            "dienstliche email",
        ),
    ),
    TargetField(
        "status",
        "Status",
        False,
        (
            "status",
            "employment status",
            "employee status",
            "worker status",
            "active status",
            "mitarbeiterstatus",
            "beschaftigungsstatus",
        ),
    ),
)
FIELDS_BY_KEY = {f.key: f for f in TARGET_FIELDS}

_NUMBER_WORDS = {"no", "nr", "num", "nbr", "nummer"}


def norm_header(header: str) -> str:
    """'Personnel No.', 'personnel_nr' and 'Personnel #' all read 'personnel number'."""
    folded = unicodedata.normalize("NFKD", header.strip().lower().lstrip("\ufeff"))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("ß", "ss")
    folded = folded.replace("#", " number ").replace("&", " and ")
    folded = re.sub(r"\be[\s_\-.]+mail\b", "email", folded)
    words = re.sub(r"[^a-z0-9]+", " ", folded).split()
    return " ".join("number" if w in _NUMBER_WORDS else w for w in words)


ColumnMapping = dict[str, str]  # field key -> header name


def guess_mapping(headers: Iterable[str], ignore: Iterable[str] = ()) -> ColumnMapping:
    """Match headers to fields by name and common HR-system synonyms; each column used once."""
    skipped = set(ignore)
    normalised = {h: norm_header(h) for h in headers if h not in skipped}
    mapping: ColumnMapping = {}
    used: set[str] = set()
    for target in TARGET_FIELDS:  # exact synonym matches, in synonym order
        for syn in (target.key.replace("_", " "), *target.synonyms):
            wanted = norm_header(syn)
            hit = next((h for h, n in normalised.items() if n == wanted and h not in used), None)
            if hit:
                mapping[target.key] = hit
                used.add(hit)
                break
    return mapping


def _field_key(text: str) -> str:
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    if key in FIELDS_BY_KEY:
        return key
    by_label = {norm_header(f.label): f.key for f in TARGET_FIELDS}
    return by_label.get(norm_header(text), key)


def parse_mapping_options(
    options: Iterable[str],
    headers: Sequence[str],
    ignore: Iterable[str] = (),
    base: Mapping[str, str] | None = None,
) -> ColumnMapping:
    """The guessed (or saved) mapping with ``--map column=field`` and ``--ignore column``."""
    ignored = list(ignore)
    for column in ignored:
        if column not in headers:
            raise CsvImportError(
                f"--ignore '{column}': the file has no such column. Its columns "
                f"are: {', '.join(headers)}."
            )
    if base is None:
        mapping = guess_mapping(headers, ignored)
    else:
        mapping = {k: h for k, h in base.items() if h in headers and h not in ignored}
    for opt in options:
        column, sep, key_text = opt.rpartition("=")
        column = column.strip()
        key = _field_key(key_text)
        if not sep or not column or not key:
            raise CsvImportError(f"--map '{opt}' must look like 'Column name=field'.")
        if key not in FIELDS_BY_KEY:
            raise CsvImportError(
                f"--map '{opt}': '{key_text.strip()}' is not a field; use one of "
                f"{', '.join(FIELDS_BY_KEY)}."
            )
        if column not in headers:
            raise CsvImportError(
                f"--map '{opt}': the file has no column '{column}'. Its columns "
                f"are: {', '.join(headers)}."
            )
        for other, header in list(mapping.items()):
            if header == column:
                del mapping[other]
        mapping[key] = column
    return mapping


def unused_columns(headers: Sequence[str], mapping: Mapping[str, str]) -> list[str]:
    """The columns no field reads, in file order (listed so nothing is dropped unseen)."""
    used = set(mapping.values())
    return [h for h in headers if h not in used]


def mapping_problems(mapping: Mapping[str, str], headers: Sequence[str]) -> list[str]:
    """What is wrong with a mapping as a whole (plain sentences; empty when usable)."""
    problems: list[str] = []
    for key, header in mapping.items():
        if key not in FIELDS_BY_KEY:
            problems.append(f"'{key}' is not an employee field.")
        elif header not in headers:
            problems.append(f"{FIELDS_BY_KEY[key].label}: the file has no column '{header}'.")
    for key in ("employee_number", "department"):
        if key not in mapping:
            problems.append(f"Choose the column that holds the {FIELDS_BY_KEY[key].label.lower()}.")
    if not mapping.keys() & {"name", "first_name", "last_name", "preferred_name"}:
        problems.append("Choose the column that holds the name (or first and last name).")
    counts = Counter(mapping.values())
    for header, n in counts.items():
        if n > 1:
            problems.append(f"Column '{header}' is chosen for {n} fields; use it once.")
    return problems
