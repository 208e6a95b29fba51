"""The faster builds of the redactor's index and the verifier's needles (per-word memo, issue 18)
give exactly what the frozen reference code (`tests/unit/privacy/reference/`, main before the
change) gives, on a generated population: accents written composed and decomposed, hyphens,
initials, apostrophes, shared surnames, umlauts, Cyrillic, Greek, Chinese, Korean, role words
typed on records, odd spaces. Equal means the same forms for every person, the same lookup
tables in the same order, the same verifier dictionaries entry for entry and the same findings.
"""

from __future__ import annotations

import random

import pytest

from app.documents.redaction import identifiers
from app.documents.redaction.identifiers import IdentifierIndex
from app.documents.redaction.name_forms import WordMemo, fold, forms_of, latin
from app.documents.redaction.verifier_needles import Needles
from app.domain.identities import PersonIdentity
from tests.unit.privacy.reference import name_forms as reference
from tests.unit.privacy.reference.needles import _Needles as ReferenceNeedles

FIRST = [
    "Zoë", "Zoe\u0308", "Łukasz", "Αλέξανδρος", "Иван", "Ayşe", "José", "Jose\u0301", "Siobhán",
    "Jean-Luc", "Anne-Marie", "J.", "M. K.", "D'Arcy", "Seán", "Björn", "Jürgen", "Kateřina",
    "Nguyễn Văn", "Mei", "Li", "An", "Do", "Ørjan", "Æsa", "ﬁona", "Ǆemal", "ÉMILE", "İlkay",
    "Σοφία", "Ολυμπιάδα", "Юлия", "Ёжик", "小龙", "민준", "Ñuño", "Ŧomaš", "Þóra", "Mary\u00a0Ann",
]  # fmt: skip
LAST = [
    "Ångström", "Żółć", "Παπαδόπουλος", "Петров", "Müller", "Mueller", "O'Brien", "O’Neill",
    "Smith-Jones", "Kowalski", "Nowak", "van der Berg", "de la Cruz", "Gonçalves", "Trần",
    "Lindqvist", "Ng", "To", "Øster", "Straße", "MacDonald", "Al-Hassan", "Dupont\u2009Moreau",
    "Ξενάκης", "Щукин", "Ковальчук", "李", "欧阳", "김", "Ly\u0308", "  Spacey  ", "Tab\tName",
]  # fmt: skip
ROLE_TYPED = ["Peer reviewer", "QA team", "Customer", "Team lead", "Manager 12", "HR officer"]
SCRIPT_WHOLE = ["李小龙", "欧阳娜娜", "김민준", "田中太郎", "สมชาย", "王芳", "Ли Сяолун"]


def population(seed: int = 18, n: int = 1500) -> list[PersonIdentity]:
    """Employees (shared surnames, numbers, e-mails, aliases), officers and names on records."""
    rng = random.Random(seed)
    people: list[PersonIdentity] = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        style = rng.randrange(9)
        name = {
            0: f"{first} {last}",
            1: f"{first} {last} {i}",  # as the bench vault names its 20k employees
            2: f"{first[0]}. {last}",
            3: f"{last}, {first}",
            4: f"{first}  {rng.choice(LAST)}-{last}",
            5: rng.choice(SCRIPT_WHOLE) if rng.random() < 0.3 else f"{first} {last}",
            6: f"{i} {first} {i % 7}  {last}",  # numbers before, between, doubled spaces
            7: f"{rng.choice(SCRIPT_WHOLE)} {i}",  # never shared: substrings by length
            8: rng.choice((f"{i}", f"{first}-{i} {last}", f"{last} {i}b", f"{first}\u00a0{i}")),
        }[style]
        kind = rng.choice(("employee", "employee", "officer", "person"))
        if kind == "person" and rng.random() < 0.3:
            name = rng.choice(ROLE_TYPED) + ("" if rng.random() < 0.5 else f" {last}")
        aliases = (rng.choice(FIRST),) if rng.random() < 0.15 else ()
        email = f"{first.casefold()}.{i}@example.org" if kind != "person" and i % 3 else ""
        number = rng.choice((f"E{i:06d}", f"TR-2019/{i}", str(i), "")) if kind == "employee" else ""
        people.append(PersonIdentity(name, email, number, kind, aliases))
    return people


def _forms(f) -> tuple:
    return (f.sequences, f.substrings, f.emails, f.numbers)


@pytest.fixture(scope="module")
def people() -> list[PersonIdentity]:
    return population()


def test_every_person_gets_the_reference_forms(people):
    memo = WordMemo()  # one memo for the whole population, as a build uses it
    for person in people:
        assert _forms(forms_of(person, memo=memo)) == _forms(reference.forms_of(person)), person


def test_the_index_equals_one_built_from_the_reference_forms(people, monkeypatch):
    fast = IdentifierIndex(people)
    monkeypatch.setattr(identifiers, "forms_of", lambda p, memo=None: reference.forms_of(p))
    slow = IdentifierIndex(people)
    assert [_forms(f) for f in fast.forms] == [_forms(f) for f in slow.forms]
    assert fast.by_first == slow.by_first
    assert list(fast.by_first) == list(slow.by_first)
    assert fast.substrings == slow.substrings and fast.numbers == slow.numbers
    assert fast._substring_order == slow._substring_order
    assert len(fast.by_first) > 100 and fast.substrings and fast.numbers  # not a trivial case


def test_the_verifiers_needles_equal_the_reference_entry_for_entry(people):
    fast, slow = Needles(people), ReferenceNeedles(people)
    for table in ("words", "joined", "inside", "numbers"):
        assert list(getattr(fast, table).items()) == list(getattr(slow, table).items()), table
    assert fast.words and fast.joined and fast.inside and fast.numbers


def test_the_needles_find_what_the_reference_finds(people):
    fast, slow = Needles(people), ReferenceNeedles(people)
    texts = [
        "Met with Zoe Angstrom and j. smith-jones about the rota.",
        "O’Brien's notes: call +44 20 7946 0958 or write to zoë.7@example.org",
        "Agreed with ИВАН ПЕТРОВ and Papadopoulos; E000042 and TR-2019/77 attended.",
        "李小龙参加了会议, Xiao Long and Li Xiaolong too; 김민준은 참석했다",
        "Nothing to see here: an ordinary note about the backlog and training.",
    ]

    def found(needles, text):
        return [(f.kind, f.where, f.person_kind) for f in needles.find(text, "x")]

    for text in texts:
        assert found(fast, text) == found(slow, text), text
    assert found(fast, texts[0]) and not found(fast, texts[-1])


POOL = (
    "aZ9 '`’\u00a0\t\u3000\u2009\u0301\u0308\u00a8\u00b4ﬁŁßİΣςÆœ½①가가李민Ωé"  # odd on purpose
    "Ivan Петров ελλάδα"
)


def test_the_memo_folds_and_transliterates_any_string_as_the_reference():
    """Cutting at plain spaces is exact, whatever surrounds them: combining marks, spacing
    accents, jamo, ligatures, other spaces."""
    rng = random.Random(7)
    memo = WordMemo()
    for _ in range(3000):
        text = "".join(rng.choice(POOL) for _ in range(rng.randint(0, 12)))
        assert memo.fold(text) == fold(text) == reference.fold(text), repr(text)
        assert memo.latin(text) == latin(text) == reference.latin(text), repr(text)


def test_the_verifiers_needles_module_takes_nothing_from_the_redactor():
    """The needles moved out of redaction_verifier keep its independence from the redactor."""
    import ast
    import inspect

    from app.documents.redaction import verifier_needles

    source = inspect.getsource(verifier_needles)
    modules = {
        node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)
    }
    assert not {m for m in modules if m and ("identifiers" in m or "name_forms" in m)}
    assert "app.domain.identities" in modules
    assert ".forms" not in source and "by_first" not in source and "TextRedactor" not in source


def test_no_character_is_both_a_letter_and_a_digit():
    """The build keeps a name part when it is all letters without looking for digits in it."""
    import sys

    both = [c for c in range(sys.maxunicode + 1) if chr(c).isalpha() and chr(c).isdigit()]
    assert both == []
