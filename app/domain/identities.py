"""Who a piece of text could identify: the people a redacted export must never name.

Also the two word lists the redactor and its verifier both follow (each with its own matching
code): role words that are not names when typed in a name field, and short everyday words that
count as a name part only when capitalised.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PersonIdentity:
    """What identifies one person: from an employee, an officer, or a name on a record."""

    name: str
    email: str = ""
    employee_number: str = ""
    kind: str = "person"  # employee, officer, or person (someone named on a record)
    aliases: tuple[str, ...] = ()  # preferred names, "known as"
    phones: tuple[str, ...] = ()  # any phone number is removed anyway; listed for the record


# Names typed on records are sometimes role descriptions ("Customer", "Peer reviewer", "QA
# team"), not people. For such free-typed names only, these words are not name parts; the
# names of employees and officers are always taken word for word.
_ROLE_TEXT = """academy advisor adviser analyst anonymous assurance auditor board client colleague
    colleagues committee compliance contractor coordinator council customer customers
    department desk director employee engineer engineering executive external finance head
    internal junior lead leader logistics manager member mentor operations other others panel
    partner peer peers person provider qa representative reviewer safety sales senior service
    specialist sponsor staff stakeholder supervisor supplier support team trainer training
    union unknown vendor works officer observer coach learning assistant administrator
    attendee reviewers hr and the for with from development group human resources office
    services company agency dept"""
ROLE_WORDS = frozenset(_ROLE_TEXT.split())

# Name parts of up to three letters that are also everyday English words ("An", "Do", "To"):
# they identify someone only when written with a capital letter.
_COMMON_TEXT = """
    a an and are as at be but by do for go he her his if in is it me my no not of on or our
    she so the to up us was we who you all any can day did end few get had has him how its let
    may new now old one out own per put saw say see set six ten too two use way why yes yet
    man men son sun war win won ago art bad big box car cut dry due eat far fit fly fun gas
    hot job key kid lay law led leg lie lot low mad map mix net oil pay pen pet pop ran raw red
    row run sad sea sit sky top toy try van via wet"""
COMMON_SHORT_WORDS = frozenset(_COMMON_TEXT.split())
