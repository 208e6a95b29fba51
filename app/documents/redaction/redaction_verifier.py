"""The last gate before a redacted export reaches the disk: read it back, find no one.

Independent of the redactor on purpose: it shares only the list of people and two word lists
(`app.domain.identities`), and matches with its own code, so one bug cannot both leave a name in
and wave it through. A PDF is parsed with pypdf (raw bytes prove nothing: content streams are
compressed, and a name drawn under a black box is still text): every paragraph of every page
(pypdf reports each line with its paragraph's origin, so wrapped lines are joined back), the
document information, the XMP packet, annotations, outlines and embedded file names. CSV and
JSON exports are checked cell by cell and value by value (escapes undone).

The app's own template prints words that may also be someone's name ("Root causes", "HR
officer", "Review"). A block of text made *only* of the template's phrases, the vocabulary of
labels, pseudonyms, dates and numbers is the template's and is skipped; any other block is
checked whole, so "Root agreed to…" in a note is still caught for an officer called Root.

Checked: every name part (case, diacritics and apostrophes folded; Latin transliterations;
syllables of Chinese and Korean names written apart), names in scripts without spaces as
substrings, any e-mail-like string, any phone-like number, known employee numbers. A refusal
names the place and the class of identifier, never the identifier.
"""

from __future__ import annotations

import csv
import io
import json
import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app.documents.pdf.pdf_text import pdf_blocks
from app.documents.redaction.identifiers import IdentifierIndex
from app.documents.redaction.verifier_needles import Finding, Needles, plain, wordy

_PLACEHOLDERS = re.compile(r"\[(?:name|e-mail|phone|employee number)\]")
_REFERENCE = re.compile(r"\b[A-Z]{1,5}-\d{4}-\d{2,6}\b")


class Template:
    """What the document itself prints: fixed phrases, label vocabulary, pseudonym roles."""

    def __init__(
        self,
        phrases: Iterable[str],
        roles: Iterable[str],
        sections: Iterable[str] = (),
        fields: Iterable[str] = (),
    ) -> None:
        self.sections = tuple(sections)
        self.fields = tuple(fields)
        folded = {" ".join(plain(p).replace("_", " ").split()) for p in phrases}
        self.phrases = sorted((p for p in folded if p), key=len, reverse=True)
        alternatives = "|".join(re.escape(r) for r in sorted(set(roles), key=len, reverse=True))
        self.pseudonym = re.compile(rf"\b(?:{alternatives}) (?:[A-Z]{{1,3}}|\d{{1,4}})\b")
        self._phrase = re.compile(
            r"(?<![^\W_])(?:" + "|".join(re.escape(p) for p in self.phrases) + r")(?![^\W_])"
        )
        long = [p.split() for p in self.phrases if len(p.split()) > 1 and p.isascii()]
        self._long_phrase = (
            re.compile(
                r"(?<![^\W_])(?:"
                + "|".join(r"[\W_]+".join(map(re.escape, words)) for words in long)
                + r")(?![^\W_])",
                re.IGNORECASE,
            )
            if long
            else None
        )

    def readings(self, block: str) -> list[str]:
        """A wrapped block read with its lines spaced, and read with every line that breaks
        between two letters joined.

        reportlab breaks a word too long for its column anywhere ("Tot" / "al"): where the two
        halves make one of the template's words the first reading joins them, so the halves
        are not taken for names; the second reading finds a name broken over lines
        ("Wojci" / "echo" / "wski"). A block whose first reading is all template text is
        the template's, however its lines broke: gluing its ordinary wraps ("Cases with a" /
        "conversation") would only make non-words of its phrases and leave their one-word
        parts ("Cases") to be taken for names.
        """
        lines = block.split("\n")
        if len(lines) == 1:
            return [block]
        spaced, glued = lines[0], lines[0]
        for line in lines[1:]:
            broken = spaced[-1:].isalpha() and line[:1].isalpha()  # a word may run on
            pair = spaced.rsplit(" ", 1)[-1] + line.split(" ", 1)[0]
            spaced += ("" if broken and self.covers(pair) else " ") + line
            glued += ("" if broken else " ") + line
        return [spaced, glued] if glued != spaced and not self.covers(spaced) else [spaced]

    def masked(self, text: str) -> str:
        """The text with pseudonyms and redaction placeholders taken out."""
        return _PLACEHOLDERS.sub(" ", self.pseudonym.sub(" ", text))

    def checked_part(self, text: str) -> str:
        """What is matched in a block that mixes template and data: pseudonyms and phrases of
        two or more words ("Root causes in closed cases", "Small group") are taken out; a
        one-word phrase stays, as the same word may be a name in the data."""
        return self._long_phrase.sub(" ", self.masked(text)) if self._long_phrase else text

    def covers(self, text: str) -> bool:
        """True when ``text`` is made only of the template's own words."""
        rest = _REFERENCE.sub(" ", self.masked(text))
        rest = " ".join(plain(rest).replace("_", " ").split())
        rest = self._phrase.sub(" ", rest)
        return not any(wordy(c) and not c.isdigit() for c in rest)


@dataclass(frozen=True)
class VerificationReport:
    checked: int  # how many pieces of text were examined
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.findings


class RedactionRefused(Exception):
    """The produced export still identifies someone; nothing was written."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        shown = "\n".join(f"  - {f}" for f in findings[:15])
        more = f"\n  … and {len(findings) - 15} more" if len(findings) > 15 else ""
        super().__init__(
            "The redacted export was refused and nothing was written: it still contains "
            f"identifiers of people in the vault:\n{shown}{more}\nLeave out the free-text "
            "fields that hold them (or correct the text in the case), then export again."
        )


def json_texts(text: str) -> Iterator[tuple[str, str]]:
    def walk(value: object, path: str) -> Iterator[tuple[str, str]]:
        top = path.strip("/").split("/")[0] or "the top level"
        if isinstance(value, dict):
            for k, v in value.items():
                yield f"the JSON field '{top}'", str(k)
                yield from walk(v, f"{path}/{k}")
        elif isinstance(value, list):
            for v in value:
                yield from walk(v, path)
        elif value is not None:
            yield f"the JSON field '{top}'", str(value)

    yield from walk(json.loads(text), "")


def csv_texts(text: str) -> Iterator[tuple[str, str]]:
    for row_number, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        section = row[0] if row and row_number > 1 else "header"
        for cell in row:
            yield f"the CSV section '{section}' (row {row_number})", cell


# The verifier's own needles per index (the index's people are a tuple, fixed once built), so an
# index kept between exports (DocumentService.identifier_index) is not re-derived each time
# (~1 s for 20k people). Weak: the needles go when the index does (on lock, or once rebuilt).
_NEEDLES: weakref.WeakKeyDictionary[IdentifierIndex, Needles] = weakref.WeakKeyDictionary()


def _needles_of(index: IdentifierIndex) -> Needles:
    needles = _NEEDLES.get(index)
    if needles is None:
        needles = _NEEDLES[index] = Needles(index.people)
    return needles


def verify_texts(
    texts: Iterable[tuple[str, str]], index: IdentifierIndex, template: Template | None = None
) -> VerificationReport:
    template = template or default_template()
    needles = _needles_of(index)
    findings: dict[tuple[str, str], Finding] = {}
    checked = 0
    for where, block in texts:
        # Pseudonyms go first, so a line joined onto one ("theHR officer C") cannot hide it.
        for text in template.readings(template.masked(block)):
            checked += 1
            if not text.strip() or template.covers(text):
                continue
            for f in needles.find(template.checked_part(text), where):
                findings.setdefault((f.kind, f.where), f)
    ordered = sorted(findings.values(), key=lambda f: (f.where, f.kind))
    return VerificationReport(checked, tuple(ordered))


def verify_pdf(
    pdf: bytes, index: IdentifierIndex, template: Template | None = None
) -> VerificationReport:
    template = template or default_template()
    return verify_texts(pdf_blocks(pdf, template.sections, template.fields), index, template)


def verify_export(
    payload: bytes, kind: str, index: IdentifierIndex, template: Template | None = None
) -> VerificationReport:
    """Check one export (``kind`` is pdf, csv or json) and return what was found."""
    if kind == "pdf":
        return verify_pdf(payload, index, template)
    text = payload.decode("utf-8")
    if kind == "json":
        return verify_texts(json_texts(text), index, template)
    if kind == "csv":
        return verify_texts(csv_texts(text), index, template)
    raise ValueError(f"Unknown export kind '{kind}': use pdf, csv or json.")


def require_clean(
    payload: bytes, kind: str, index: IdentifierIndex, template: Template | None = None
) -> VerificationReport:
    """Raise `RedactionRefused` unless the export names nobody in ``index``."""
    if len(index) == 0:
        raise ValueError(
            "The verifier has no identifiers to check against; refusing to "
            "vouch for an export it cannot check."
        )
    report = verify_export(payload, kind, index, template)
    if not report.ok:
        raise RedactionRefused(list(report.findings))
    return report


def default_template(extra_phrases: Iterable[str] = ()) -> Template:
    """The redacted summary's template with every label of the domain's vocabulary, plus
    ``extra_phrases`` (such as the stage names of the case's own policy)."""
    from app.documents.pdf import summary_template as t

    return Template(
        [*t.phrases(), *extra_phrases],
        t.in_every_language(t.PSEUDONYM_ROLES),
        t.in_every_language(t.SECTIONS),
        t.in_every_language(t.FACT_LABELS),
    )
