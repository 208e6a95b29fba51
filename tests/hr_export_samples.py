"""CSV exports in the shapes of common HR systems, written for the tests (no real data).

Each sample has the headers, quoting, byte-order mark, code page and date style its system
writes, and the values Casepath must store from it. Used by
tests/unit/people/test_employee_import_samples.py and bench/employee_import_samples.py (which also
runs them through the code before issue 17, for figures).
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Sample:
    name: str
    data: bytes
    expected: dict[str, dict[str, object]]  # employee number -> stored field values
    options: dict[str, object] = field(default_factory=dict)  # what the officer must choose
    refused_without_options: str = ""  # the message that stops it without them


def _csv(
    lines: list[str], encoding: str = "utf-8", bom: bytes = b"", newline: str = "\r\n"
) -> bytes:
    return bom + newline.join(lines).encode(encoding) + newline.encode(encoding)


BAMBOOHR = Sample(
    "bamboohr.csv",
    _csv(
        [
            "Employee #,First Name,Last Name,Preferred Name,Job Title,Department,Division,"
            "Reporting to,Hire Date,Work Email,Status",
            '101,Robert,Smith,Bob,"Engineer, Senior",Engineering,North America,'
            "Jane Doe,01/15/2020,bob.smith@example.com,Active",
            "102,María,García,,Analyst,Finance,Europe,Jane Doe,03/04/2021,maria@example.com,Active",
            '103,"Jean-Luc",O\'Neil,,Manager,Sales,Europe,,11/30/2018,,Active',
        ]
    ),
    {
        "101": {
            "name": "Bob Smith",
            "job_title": "Engineer, Senior",
            "start_date": date(2020, 1, 15),
        },
        "102": {"name": "María García", "department": "Finance", "start_date": date(2021, 3, 4)},
        "103": {"name": "Jean-Luc O'Neil", "start_date": date(2018, 11, 30), "email": ""},
    },
)

WORKDAY = Sample(
    "workday.csv",
    _csv(
        [
            "Employee ID,Legal Name,Preferred Name,Business Title,Supervisory Organization,"
            "Manager,Hire Date,Email - Work,Worker Status",
            "21001,Nagy Péter,,Controller,Finance (Budapest),Kovács Anna,2019-03-01,"
            "peter.nagy@example.com,Active",
            "21002,Yamada Taro,,Designer,Design (Tokyo),Nagy Péter,2020-07-13,"
            "taro@example.com,Active",
            "21003,Elizabeth Jones,Liz Jones,Director,Operations,,2015-10-05,"
            "liz@example.com,Active",
        ],
        bom=codecs.BOM_UTF8,
    ),
    {
        "21001": {
            "name": "Nagy Péter",
            "job_title": "Controller",
            "department": "Finance (Budapest)",
            "manager": "Kovács Anna",
            "email": "peter.nagy@example.com",
        },
        "21002": {"name": "Yamada Taro", "start_date": date(2020, 7, 13)},
        "21003": {"name": "Liz Jones", "job_title": "Director"},
    },
)

PERSONIO = Sample(
    "personio.csv",
    _csv(
        [
            "Personalnummer;Vorname;Nachname;Position;Abteilung;Vorgesetzter;Eintrittsdatum;"
            "E-Mail;Status",
            "P-17;Łukasz;Żółć;Entwickler;Technik;Małgorzata Wiśniewska;01.03.2021;"
            "lukasz@example.de;aktiv",
            "P-18;Małgorzata;Wiśniewska;Teamleiterin;Technik;;15.09.2017;gosia@example.de;aktiv",
            "P-19;Jürgen;Groß;Buchhalter;Finanzen;Małgorzata Wiśniewska;02.11.2022;;aktiv",
        ],
        encoding="cp1250",
    ),
    {
        "P-17": {
            "name": "Łukasz Żółć",
            "department": "Technik",
            "start_date": date(2021, 3, 1),
            "manager": "Małgorzata Wiśniewska",
        },
        "P-18": {"name": "Małgorzata Wiśniewska", "start_date": date(2017, 9, 15)},
        "P-19": {"name": "Jürgen Groß", "start_date": date(2022, 11, 2)},
    },
)

SUCCESSFACTORS = Sample(
    "successfactors.csv",
    _csv(
        [
            '"User ID","Person ID External","First Name","Last Name","Job Title","Division",'
            '"Department","Manager","Hire Date","Email","Employee Status"',
            '"jdoe","SF-5001","John","Doe","Buyer","Corporate","Purchasing","Smith, Anne",'
            '"2016-02-29T00:00:00","john.doe@example.com","Active"',
            '"asmith","SF-5002","Anne","Smith","Head of ""Purchasing""","Corporate","Purchasing",'
            '"","2012-06-18T00:00:00","anne.smith@example.com","Active"',
        ]
    ),
    {
        "SF-5001": {
            "name": "John Doe",
            "department": "Purchasing",
            "manager": "Smith, Anne",
            "start_date": date(2016, 2, 29),
        },
        "SF-5002": {"name": "Anne Smith", "job_title": 'Head of "Purchasing"'},
    },
)

HIBOB = Sample(
    "hibob.csv",
    _csv(
        [
            "Employee ID,Display name,First name,Last name,Department,Job title,Reports to,"
            "Start date,Email,Lifecycle status",
            # a Mac-typed (NFD) name: stored NFC
            "B-1,"
            + unicodedata.normalize("NFD", "Zoë Ångström,Zoë,Ångström")
            + ",Product,PM,Kim Lee,15/03/2021,zoe@example.io,Employed",
            "B-2,Kim Lee,Kim,Lee,Product,VP Product,,01/02/2019,kim@example.io,Employed",
        ],
        newline="\n",
    ),
    {
        "B-1": {"name": "Zoë Ångström", "start_date": date(2021, 3, 15), "manager": "Kim Lee"},
        "B-2": {"name": "Kim Lee", "start_date": date(2019, 2, 1), "job_title": "VP Product"},
    },
)

SAGE_HR = Sample(
    "sage_hr.csv",
    _csv(
        [
            "Employee number;First name;Last name;Position;Team;Line manager;"
            "Employment start date;Email",
            "S100;Иван;Петров;Инженер;Производство;Ольга Смирнова;44197;ivan@example.ru",
            "S101;Ольга;Смирнова;Начальник смены;Производство;;43525;olga@example.ru",
        ],
        encoding="cp1251",
    ),
    {
        "S100": {"name": "Иван Петров", "job_title": "Инженер", "start_date": date(2021, 1, 1)},
        "S101": {"name": "Ольга Смирнова", "start_date": date(2019, 3, 1)},
    },
)

FACTORIAL = Sample(
    "factorial.txt",
    codecs.BOM_UTF16_LE
    + "\r\n".join(
        [
            "ID\tFull name\tFirst name\tLast name\tEmail\tTeam\tManager\tJob title\tStart date",
            "F-7\tNúria Puig i Ferrer\tNúria\tPuig i Ferrer\tnuria@example.es\tLegal\t\tCounsel\t"
            "12 Jan 2022",
            "F-8\tĐorđe Petrović\tĐorđe\tPetrović\tdjordje@example.es\tLegal\tNúria Puig i Ferrer\t"
            "Paralegal\tMar 3, 2023",
            "",
        ]
    ).encode("utf-16-le"),
    {
        "F-7": {
            "name": "Núria Puig i Ferrer",
            "department": "Legal",
            "start_date": date(2022, 1, 12),
        },
        "F-8": {"name": "Đorđe Petrović", "start_date": date(2023, 3, 3)},
    },
)

GENERIC = Sample(
    "generic_excel.csv",
    _csv(
        [
            "sep=;",
            "Emp No.;Name;Dept;Start",
            "G1;José Müller;Ops;03/04/2020",
            "G2;Anaïs Lefèvre;Ops;05/06/2019",
        ],
        encoding="cp1252",
    ),
    {
        "G1": {"name": "José Müller", "department": "Ops", "start_date": date(2020, 4, 3)},
        "G2": {"name": "Anaïs Lefèvre", "start_date": date(2019, 6, 5)},
    },
    options={"date_order": "dmy"},
    refused_without_options="fit both day/month and month/day",
)

SAMPLES = (BAMBOOHR, WORKDAY, PERSONIO, SUCCESSFACTORS, HIBOB, SAGE_HR, FACTORIAL, GENERIC)
