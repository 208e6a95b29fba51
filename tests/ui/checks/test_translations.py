"""The translation catalogues: complete, current with the code, and what the app loads.

The .ts sources under resources/translations/ must hold every string the views and models
pass to tr() / translate() (lupdate over the code into tmp_path is compared with them), every
German message must be translated with its placeholders and mnemonic kept, and the committed
.qm files must be exactly what lrelease makes of the .ts (tools/update_translations.py).
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.resource_paths import resource_path
from app.views import interface_language
from app.views.interface_language import install, resolve
from app.views.preferences.preferences_dialog import PreferencesDialog
from tools import update_translations

FOLDER = resource_path("translations")
PLACEHOLDER = re.compile(r"%n|%\d|\{\d\}")


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → <message> of a .ts file."""
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [f.text or "" for f in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory) -> dict[str, Path]:
    """lupdate of the current code into copies of the committed .ts files."""
    folder = tmp_path_factory.mktemp("ts")
    out = {}
    for code in update_translations.LANGUAGES:
        target = folder / f"casepath_{code}.ts"
        shutil.copy(FOLDER / target.name, target)
        update_translations.lupdate(target, code)
        out[code] = target
    return out


def test_the_ts_holds_every_string_of_the_code(fresh_ts):
    committed = messages(FOLDER / "casepath_de.ts")
    in_code = messages(fresh_ts["de"])
    assert len(in_code) > 700  # the scan found the code's strings at all
    missing = sorted(set(in_code) - set(committed))
    vanished = sorted(set(committed) - set(in_code))
    assert not missing, f"run tools/update_translations.py and translate: {missing[:20]}"
    assert not vanished, f"strings no longer in the code: {vanished[:20]}"
    assert fresh_ts["de"].read_bytes() == (FOLDER / "casepath_de.ts").read_bytes()


def test_every_german_message_is_translated_with_its_placeholders_and_mnemonic():
    problems = []
    for (context, source), message in messages(FOLDER / "casepath_de.ts").items():
        translation = message.find("translation")
        texts = forms(message)
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        want = sorted(set(PLACEHOLDER.findall(source)))
        for text in texts[1:] if message.get("numerus") == "yes" else texts:
            if sorted(set(PLACEHOLDER.findall(text))) != want:
                problems.append(f"{context}: {source!r} → {text!r} changes the placeholders")
        if re.search(r"&\w", source) and not all(re.search(r"&\w", t) for t in texts):
            problems.append(f"{context}: {source!r} → {texts!r} loses its mnemonic")
        if message.get("numerus") == "yes" and len(texts) != 2:
            problems.append(f"{context}: {source!r} needs German's two plural forms")
    assert not problems, "\n".join(problems)


def test_english_has_the_singular_of_every_plural(fresh_ts):
    plural_sources = {
        key for key, m in messages(FOLDER / "casepath_de.ts").items() if m.get("numerus") == "yes"
    }
    english = messages(FOLDER / "casepath_en.ts")
    assert set(english) == plural_sources
    for (context, source), message in english.items():
        one, many = forms(message)
        assert one and many == source, f"{context}: {source!r}"  # sources are plural forms
        assert "(s)" not in one + many

    assert fresh_ts["en"].read_bytes() == (FOLDER / "casepath_en.ts").read_bytes()


def test_the_committed_qm_files_are_built_from_the_ts(tmp_path):
    for code in update_translations.LANGUAGES:
        built = tmp_path / f"casepath_{code}.qm"
        update_translations.lrelease(FOLDER / f"casepath_{code}.ts", built)
        assert built.read_bytes() == (FOLDER / built.name).read_bytes(), (
            f"casepath_{code}.qm is stale: run tools/update_translations.py"
        )


def test_the_translation_files_ship_as_package_data():
    import tomllib

    root = Path(update_translations.ROOT)
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    assert "**/*.qm" in project["tool"]["setuptools"]["package-data"]["casepath_resources"]
    spec = (root / "packaging" / "casepath.spec").read_text("utf-8")
    assert "qtbase_" in spec  # Qt's own German for OK/Cancel/Yes travels with the bundle


def test_language_follows_the_system_unless_chosen():
    assert resolve("", QLocale(QLocale.Language.German, QLocale.Country.Austria)) == "de"
    assert resolve("", QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == "en"
    assert resolve("", QLocale(QLocale.Language.French, QLocale.Country.France)) == "en"
    assert resolve("en", QLocale(QLocale.Language.German)) == "en"
    assert resolve("de", QLocale(QLocale.Language.English)) == "de"


def test_installing_german_translates_the_window_and_qt_and_removes_cleanly(qapp):
    def say(context: str, text: str, n: int = -1) -> str:
        return QCoreApplication.translate(context, text, None, n)

    assert say("MainWindow", "&File") == "&File"
    german = install("de", qapp)
    try:
        assert german.code == "de" and len(german.translators) == 2  # ours and qtbase_de
        assert say("MainWindow", "&File") == "&Datei"
        assert say("MainWindow", "%n cases shown", 1) == "1 Fall angezeigt"
        assert say("MainWindow", "%n cases shown", 3) == "3 Fälle angezeigt"
        assert say("QPlatformTheme", "Cancel") == "Abbrechen"  # Qt's standard buttons
        assert QLocale().language() == QLocale.Language.German
    finally:
        german.remove()
    assert say("MainWindow", "&File") == "&File"
    assert say("MainWindow", "%n cases shown", 1) == "1 case shown"  # English plural forms


def test_a_missing_catalogue_leaves_english_without_failing(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(interface_language, "catalogue_path", lambda code: tmp_path / "none.qm")
    installed = install("de", qapp)
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        installed.remove()


def test_preferences_keep_the_interface_language(qtbot, settings_store):
    assert settings_store.interface_language == ""  # System by default
    dialog = PreferencesDialog(settings_store)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == ""
    assert [dialog.language.itemText(i) for i in range(3)] == ["System", "English", "Deutsch"]
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.accept()
    assert settings_store.interface_language == "de"
    again = PreferencesDialog(settings_store)
    qtbot.addWidget(again)
    assert again.language.currentText() == "Deutsch"
    with pytest.raises(ValueError):
        settings_store.interface_language = "xx"
