"""A vault of 64 people who are hard to redact, each the subject of a summary with free text.

For every case: the PDF, CSV and JSON summaries export (no false refusal), and the PDF read back
with pypdf holds none of the variants planted in the notes (no leak). The variants are written
out here by hand, not derived with the redactor's code. With the redactor bypassed, the verifier
refuses every summary (a planted leak is caught), naming the place and class, not the name.

Officers are "Root" (the demo names its officer after the OS account) and "Hana Officer": both
print next to template words ("Root causes identified", "HR officer").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from app.documents.redaction import identifiers
from app.documents.redaction.redaction import INCLUDABLE, RedactionOptions
from app.documents.redaction.redaction_verifier import RedactionRefused
from app.domain.records import Observation, Officer
from app.services.services import create_vault
from tests.document_samples import pdf_text
from tests.factories import conversation, employee, indicator

TODAY = date(2026, 3, 16)


@dataclass(frozen=True)
class P:
    name: str
    variants: tuple[str, ...] = ()  # how colleagues write this person in notes
    email: str = ""


# name, then extra hand-written variants (transliterations, given names, other spellings).
PEOPLE = [
    # surnames that are ordinary English words or words the template prints
    P("Rose Baker", ("Baker", "ROSE BAKER", "R. Baker")),
    P("Tom Page", ("Page", "T. Page")),
    P("Paul Case", ("Case", "P Case")),
    P("Mark Review", ("Review", "Mr Review")),
    P("Grace Target", ("Target",)),
    P("Jack Stage", ("Stage",)),
    P("Anna Coaching", ("Coaching",)),
    P("Lily Status", ("Status",)),
    P("Ben Quality", ("Quality",)),
    P("Olive Outcome", ("Outcome",)),
    P("Dan Summary", ("Summary",)),
    P("Ivy Young", ("Young",)),
    P("Sam Long", ("Long",)),
    P("Hope Field", ("Hope", "Field")),
    P("Amber Decision", ("Decision",)),
    P("Joy Count", ("Count",)),
    P("Faith Date", ("Date",)),
    P("Will Person", ("Person",)),
    P("Mia Manager", ("Manager",)),
    P("Rob Track", ("Track",)),
    # two-letter names and short parts
    P("Bo Chen", ("Bo", "Chen")),
    P("Li Na", ("Li", "Na", "LI NA")),
    P("Jo Ng", ("Jo", "Ng")),
    P("Al Xu", ("Al", "Xu")),
    P("Ed Wu", ("Ed", "Wu")),
    P("Đỗ Hùng", ("Do Hung", "Hung", "ĐỖ")),
    P("Yu Ito", ("Yu", "Ito")),
    # apostrophes, hyphens, particles
    P("Seán O'Brien", ("O’Brien", "OBrien", "O`Brien", "Sean", "o'brien", "Brien", "O'Brien's")),
    P("Dara D'Angelo", ("D’Angelo", "DAngelo", "Angelo")),
    P("Marie-Claire Dubois-Martin", ("Marie Claire", "Dubois Martin", "Dubois", "MC Dubois")),
    P("Jan van der Berg", ("van der Berg", "Van Der Berg", "J. van der Berg", "Berg")),
    P("Maria de la Cruz", ("de la Cruz", "Cruz", "M. de la Cruz")),
    P("Ludwig von Hohenberg", ("von Hohenberg", "Hohenberg")),
    P("Ahmed bin Khalid", ("bin Khalid", "Khalid")),
    P("Hans Müller-Lüdenscheid", ("Mueller", "Muller", "Lüdenscheid", "Ludenscheid")),
    # diacritics
    P("Łukasz Żółć", ("Lukasz Zolc", "ŁUKASZ", "zolc")),
    P("Şükrü Öztürk", ("Sukru", "Ozturk", "ÖZTÜRK")),
    P("Nguyễn Thị Hương", ("Nguyen", "Huong", "Thi Huong")),
    P("Zoë Ångström", ("Zoe", "Angstrom", "ANGSTROM")),
    P("François Lefèvre", ("Francois", "Lefevre")),
    P("Søren Kierkegård", ("Soren", "Kierkegard")),
    # Cyrillic and Greek, with Latin spellings
    P("Иван Петров", ("Ivan Petrov", "Petrov", "IVAN", "Петров")),
    P("Ольга Смирнова", ("Olga Smirnova", "Smirnova", "Ольга")),
    P("Дмитрий Кузнецов", ("Dmitriy Kuznetsov", "Kuznetsov", "Dmitrii")),
    P("Αλέξανδρος Παπαδόπουλος", ("Alexandros", "Papadopoulos", "Papadopoylos")),
    P("Ελένη Γεωργίου", ("Eleni", "Georgiou", "Ελένη")),
    # Chinese (pinyin, given name alone), Japanese, Korean
    P("李小龙", ("Li Xiaolong", "Xiaolong", "Xiao-long", "小龙", "Xiaolong Li", "Xiao Long")),
    P("王芳", ("Wang Fang", "Fang", "王芳")),
    P("张伟", ("Zhang Wei", "Zhang", "张伟")),
    P("欧阳娜娜", ("Ouyang Nana", "Nana", "娜娜")),
    P("陈静怡", ("Chen Jingyi", "Jingyi", "静怡")),
    P("佐藤 花子", ("佐藤", "花子", "佐藤花子")),
    P("김민준", ("민준", "김민준은", "Minjun")),
    P("이서연", ("서연", "Seoyeon")),
    # Arabic, Hebrew, Devanagari, Thai: native forms and transliterations
    P("محمد عبد الله", ("محمد", "عبد الله")),
    P("فاطمة الزهراء", ("فاطمة", "الزهراء")),
    P("דוד כהן", ("דוד", "כהן")),
    P("שרה לוי", ("שרה", "לוי")),
    P("राजेश कुमार", ("राजेश", "कुमार", "Kumar")),
    P("प्रिया शर्मा", ("प्रिया", "शर्मा")),
    P("สมชาย ใจดี", ("สมชาย", "ใจดี")),
    P("สุดารัตน์ วงศ์ไทย", ("สุดารัตน์", "วงศ์ไทย")),
    # preferred names, e-mail without TLD
    P("Katherine Zeta", ("Katherine", "Zeta", "katherine.zeta"), "katherine.zeta@hr.example.com"),
    P("Oluwaseun Adeyemi", ("Seun Adeyemi", "Adeyemi"), "seun@people.example.org"),
]
OFFICERS = ("Root", "Hana Officer")
STOP = {"an", "do", "to", "of", "van", "de", "la", "bin", "von", "der", "mr"}


def _strip(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()


def _hand_variants(p: P) -> list[str]:
    """The stored name, each part, an upper-case copy, plus the hand-written extras."""
    parts = [w for w in re.split(r"[\s\-]+", p.name) if w]
    return [p.name, p.name.upper(), *parts, *p.variants]


def _number(i: int) -> str:
    return f"E-{7000 + i}"


def _phone(i: int) -> str:
    return f"+44 (0)20 7946 {1000 + i}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from app.domain.clock import FixedClock

    path = tmp_path_factory.mktemp("corpus") / "corpus.casepath"
    svc = create_vault(
        path, "correct horse battery staple", Officer(name="Root"), FixedClock(TODAY)
    )
    with svc.vault.write() as w:
        hana = svc.vault.officers.add(Officer(name="Hana Officer", email="hana.officer@hr.example"))
        w.audit("officer.added", "officer", hana.id, {})
    owners = [svc.vault.officer.id, hana.id]
    cases = []
    for i, person in enumerate(PEOPLE):
        boss = PEOPLE[(i + 1) % len(PEOPLE)]
        other = PEOPLE[(i + 7) % len(PEOPLE)]
        email = person.email or f"p{i}@example.org"
        emp = svc.employees.add(
            employee(_number(i), person.name, manager=boss.name, email=email, department="Ops")
        )
        case = svc.cases.open_case(
            emp.id, "early_conversation", opened_on=TODAY - timedelta(days=30),
            owner_id=owners[i % 2],
        )  # fmt: skip
        planted = [*_hand_variants(person), *_hand_variants(boss)[:3], *_hand_variants(other)]
        officer = OFFICERS[i % 2]
        notes = "; ".join(f"met {v} today" for v in planted)
        svc.cases.add(
            conversation(
                case,
                TODAY - timedelta(days=20),
                summary=f"{notes}. {officer} agreed to review the Root causes with them.",
                attendees=(person.name, boss.name),
                agreed_actions=(
                    f"Call {_phone(i)} or write to {email.split('.')[0]} at {email}",
                    f"Badge {_number(i)} handed back; {officer.split()[0]} signs off",
                ),
            )
        )
        svc.cases.add(
            Observation(
                case_id=case.id,
                observed_on=TODAY - timedelta(days=10),
                author=other.name,
                author_role="peer",
                text=f"met {person.variants[0] if person.variants else person.name} today; "
                f"mail {email.split('@')[0]}@{email.split('@')[1].split('.')[0]} for more",
            )
        )
        svc.cases.add(indicator(case, TODAY - timedelta(days=15), note=f"met {other.name} today"))
        cases.append((case, [person, boss, other], planted, email, i))
    yield svc, cases
    svc.close()


def _leaks(text: str, case_people: list[P], planted: list[str], email: str, i: int) -> list[str]:
    """Every planted identifier still readable in ``text`` (the export's whole text)."""
    flat = " ".join(text.split())
    low = _strip(flat)
    found = [v for v in planted if _strip(v) not in STOP and _strip(f"met {v} today") in low]
    for p in case_people:
        for v in _hand_variants(p):
            word = _strip(v)
            if word in STOP or len(word) < 2:
                continue
            if any(0x0E00 <= ord(c) <= 0x0EFF or 0x3000 <= ord(c) <= 0xD7AF for c in v):
                hit = word.replace(" ", "") in low.replace(" ", "")
            else:
                hit = re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", low) is not None
            if hit and not _template_word(word):
                found.append(v)
    for secret in (email, email.split("@")[0] + "@", _phone(i)[4:], _number(i)):
        if _strip(secret) in low:
            found.append(secret)
    return found


def _template_word(word: str) -> bool:
    """Words the summary prints as its own labels: a hit on them alone is no leak (the
    'met … today' check above still catches them in the notes)."""
    from app.documents.pdf.summary_template import phrases

    words = {w for p in phrases() for w in re.split(r"[\W_]+", _strip(p)) if w}
    return all(w in words for w in re.split(r"[\W_]+", word) if w)


ALL_TEXT = RedactionOptions(include=frozenset(INCLUDABLE))


def test_every_summary_exports_and_names_nobody(corpus):
    svc, cases = corpus
    assert len(PEOPLE) >= 60
    refused, leaked = [], []
    for case, people, planted, email, i in cases:
        for kind in ("pdf", "csv", "json"):
            try:
                payload = svc.documents.redacted(case.id, kind, ALL_TEXT)
            except RedactionRefused as exc:
                refused.append((people[0].name, kind, str(exc)))
                continue
            text = pdf_text(payload) if kind == "pdf" else payload.decode("utf-8")
            if kind == "pdf":
                assert "Employee A" in text and "[phone]" in text and "[e-mail]" in text
            leaks = _leaks(text, people, planted, email, i)
            if leaks:
                leaked.append((people[0].name, kind, leaks))
    reasons = sorted({r[2].split("\n")[1] for r in refused})
    assert refused == [], f"{len(refused)} false refusals: {reasons[:12]}"
    assert leaked == [], f"{len(leaked)} leaks: {leaked[:5]}"


def test_with_the_redactor_bypassed_every_summary_is_refused(corpus, monkeypatch):
    """The planted leak: the notes go out unredacted, and the verifier alone must stop them."""
    svc, cases = corpus
    monkeypatch.setattr(identifiers.TextRedactor, "redact", lambda self, text: text)
    caught = 0
    for case, people, _planted, _email, _i in cases:
        with pytest.raises(RedactionRefused) as refused:
            svc.documents.redacted(case.id, "pdf", ALL_TEXT)
        caught += 1
        message = str(refused.value)
        assert "'Included free text'" in message or "'Stage history'" in message
        assert "a name" in message and "an e-mail address" in message
        assert "a phone number" in message and "an employee number" in message
        for v in _hand_variants(people[0]):
            if len(v) > 3:
                assert v not in message
    assert caught == len(PEOPLE)


def test_structured_only_summaries_export_for_officers_named_like_template_words(corpus):
    svc, cases = corpus
    for case, *_ in cases[:8]:
        text = pdf_text(svc.documents.redacted(case.id, "pdf", RedactionOptions()))
        assert "Root causes identified" in text and "HR officer" in text
