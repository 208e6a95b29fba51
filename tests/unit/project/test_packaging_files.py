"""The packaging files agree with each other and with the program they describe."""

from __future__ import annotations

import configparser
import struct
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGING = ROOT / "packaging"
APP_ID = "org.casepath.Casepath"
MIME = "application/x-casepath-vault"


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", head[16:24])


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_icon_set_is_complete_and_each_png_has_its_size():
    icons = ROOT / "resources" / "icons"
    assert ET.parse(icons / "casepath.svg").getroot().tag.endswith("svg")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert _png_size(icons / f"casepath-{size}.png") == (size, size)


def test_desktop_entry_opens_files_of_the_vault_type_with_the_installed_icon():
    entry = _desktop_entry()
    assert entry["Exec"] == "casepath %f"
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"] == f"{MIME};"


def test_mime_definition_names_the_vault_extension():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(PACKAGING / "casepath-mime.xml").getroot()
    kind = root.find("m:mime-type", ns)
    assert kind is not None and kind.get("type") == MIME
    assert [g.get("pattern") for g in kind.findall("m:glob", ns)] == ["*.casepath"]


def test_metainfo_matches_the_program_and_its_screenshots_exist():
    meta = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == f"{APP_ID}.desktop"
    assert meta.find("releases/release").get("version") == version
    assert meta.findtext("provides/mediatype") == MIME
    homepage = meta.findtext("url[@type='homepage']")
    images = meta.findall("screenshots/screenshot/image")
    assert len(images) == 2
    for image in images:
        assert image.text.startswith(homepage)
        local = PACKAGING / "screenshots" / Path(image.text).name
        assert _png_size(local) == (int(image.get("width")), int(image.get("height")))
