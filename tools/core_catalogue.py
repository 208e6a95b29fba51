"""Keep the core's gettext catalogues current: extract, merge into each .po, compile the .mo.

    python tools/core_catalogue.py           # update casepath.pot, every .po and .mo
    python tools/core_catalogue.py --check   # exit 1 if a message is untranslated or a .mo stale

Messages come from two places: string literals in calls the core marks (``N_("…")``,
``translate(lang, "…")``, ``_("…")``, ``tr("…")``, ``count(n, "{n} …", "{n} …")``) in
app/domain, app/documents, app/services and app/commands; and the words the core computes
rather than writes out — the labels of every enumeration, the default policy's stage names,
the redacted summary's and calibration report's declared wording.
tests/unit/words/test_core_catalogue.py
runs the check, so a new word cannot ship untranslated and an edited .po cannot ship with an
old .mo.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "translations" / "core"
SOURCES = ("app/domain", "app/documents", "app/services", "app/commands", "app/vault")
KEYWORDS = {
    "N_": None,
    "NP_": (1, 2),
    "_": None,
    "tr": None,
    "translate": (2,),
    "count": (2, 3),
    "translate_plural": (2, 3),
    "Phrase": None,
    "counted": (2, 3),
    "require_text": (4,),  # a field's label, said in "{label} is required."
    "_check_date_order": (4,),
    "InvalidRecord": (2,),  # what was not saved
}
LANGUAGES = ("de",)


def computed_messages() -> list[str]:
    """Words built at run time from the domain (labels, stage names, declared wording)."""
    sys.path.insert(0, str(ROOT))
    import importlib
    import pkgutil

    import app.domain

    # Every enumeration's labels count, so every domain module is imported first: the words
    # must not depend on which modules the caller happened to import.
    for module in pkgutil.walk_packages(app.domain.__path__, "app.domain."):
        importlib.import_module(module.name)
    from app.documents.pdf import calibration_report as cal
    from app.documents.pdf import summary_template as tpl
    from app.documents.pdf.pack_data import MeetingType
    from app.documents.redaction import redaction
    from app.domain.escalation.policy import STAGE_KEYS
    from app.domain.words.labels import key_words

    words = [
        v
        for v in tpl.vocabulary()
        if not v.endswith("(reviewed)") and "_" not in v and v[:1].isupper()
    ]
    words += sorted(tpl.policy_stage_names()) + [key_words(k) for k in STAGE_KEYS]
    words += default_policy_words()
    words += [m.label for m in MeetingType]
    words += [tpl.TITLE, tpl.NOTE, tpl.NONE_RECORDED, tpl.NO_FREE_TEXT, tpl.MARKING]
    words += [*tpl.FACT_LABELS, *tpl.SECTIONS, *tpl.COLUMNS, *tpl.PSEUDONYM_ROLES]
    words += [tpl.METADATA_SUBJECT, *tpl.DECLARED, *tpl.FRAME_WORDS, "Confidential – HR"]
    words += [k.replace("_", " ") for k in redaction.INCLUDABLE]
    words += [
        cal.DOC_TITLE, cal.DOC_SUBJECT, cal.TITLE, cal.INTRO, cal.ALL, cal.TOTAL,
        cal.ESCALATION_HEADING, cal.ESCALATION_CHART, cal.STAGE_HEADING, cal.STAGE_CHART,
        cal.RESPONSE_HEADING, cal.DRIFT_HEADING, cal.NO_DRIFT, cal.DRIFT_DIFFERENCE,
        cal.PILOT_HEADING, cal.SATISFACTION_HEADING, *cal.GROUP_HEADINGS.values(),
        *cal.ESCALATION_COLUMNS, *cal.STAGE_COLUMNS, *cal.RESPONSE_COLUMNS,
        *cal.COUNT_TABLES.values(), *cal.SATISFACTION_WHO.values(), "Answers",
        *cal.SIDES.values(), *cal.PILOT_FIELDS.values(),
    ]  # fmt: skip
    return list(dict.fromkeys(w for w in words if w and w.strip()))


def default_policy_words() -> list[str]:
    """The shipped policy's own words the window and documents show: its tracks' labels
    ("High-stakes (safety or compliance)"), its triggers' and outcomes' names."""
    from app.domain.escalation.policy import load_policy
    from app.resource_paths import resource_path

    text = resource_path("policy", "default.toml").read_text(encoding="utf-8")
    policy = load_policy(text, "default.toml")
    words = [track.label for track in policy.tracks.values()]
    words += [trigger.name for trigger in policy.triggers]
    words += [option.label for option in policy.outcomes]
    return words


def template() -> Catalog:
    cat = Catalog(project="Casepath", version="core", domain="casepath", charset="utf-8")
    for source in SOURCES:
        for filename, lineno, message, _comments, _context in extract_from_dir(
            ROOT / source, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            cat.add(message, locations=[(f"{source}/{filename}", lineno)])
    for message in computed_messages():
        if message not in cat:
            cat.add(message, auto_comments=["computed: a label or declared wording"])
    return cat


def _read(path: Path, locale: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=locale, domain="casepath")
    with path.open("rb") as fh:
        return read_po(fh, locale=locale)


def _mo_bytes(cat: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, cat, use_fuzzy=False)
    return buf.getvalue()


def po_path(lang: str) -> Path:
    return OUT / lang / "LC_MESSAGES" / "casepath.po"


def problems() -> list[str]:
    """What is wrong with the committed catalogues (empty when they are current)."""
    wanted = template()
    out = []
    for lang in LANGUAGES:
        po = _read(po_path(lang), lang)
        for msg in wanted:
            if not msg.id:
                continue
            have = po.get(msg.id)
            text = have.string if have else None
            if not have or not (all(text) if isinstance(text, tuple) else text) or have.fuzzy:
                out.append(f"{lang}: no translation of {msg.id!r}")
        mo = po_path(lang).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != _mo_bytes(po):
            out.append(f"{lang}: {mo.relative_to(ROOT)} is not compiled from its .po")
    return out


def update() -> None:
    wanted = template()
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "casepath.pot").open("wb") as fh:
        write_po(fh, wanted, width=100, omit_header=False, sort_output=False)
    for lang in LANGUAGES:
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        po = _read(path, lang)
        po.update(wanted, no_fuzzy_matching=True)
        po.obsolete.clear()
        po.project, po.version, po.fuzzy = "Casepath", "core", False
        po.copyright_holder = po.msgid_bugs_address = ""
        po.last_translator = po.language_team = "Casepath"
        with path.open("wb") as fh:
            write_po(fh, po, width=100, sort_output=False, include_previous=False)
        path.with_suffix(".mo").write_bytes(_mo_bytes(po))


def main(argv: list[str]) -> int:
    if "--check" in argv:
        found = problems()
        print("\n".join(found) if found else "Core catalogues are complete and compiled.")
        return 1 if found else 0
    update()
    print(f"Updated {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
