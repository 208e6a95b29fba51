"""Dark and high-contrast themes: status and flag text reads at least 4.5:1 (WCAG).

The main window, a case workspace and every flag chip are built under each theme's palette;
each coloured label's text is measured against the background it sits on, and each status or
flag cell of the case list against both row colours (and the selection).
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from app.domain.escalation.flags import Flag
from app.models.roles import CaseColumn
from app.models.theme import (
    MIN_CONTRAST,
    Theme,
    changed_background,
    contrast,
    flag_colours,
    palette_for,
    problem_background,
    tone,
)
from app.views.appearance import apply_theme
from app.views.case.case_header import flag_chip
from app.views.main_window import MainWindow
from app.views.preferences.preferences_dialog import PreferencesDialog
from tests.factories import conversation, open_case

_Role = QPalette.ColorRole
THEMES = [Theme.LIGHT, Theme.DARK, Theme.HIGH_CONTRAST]


@pytest.fixture
def themed(qapp):
    """Apply a theme for one test, then put the application's palette and style back."""
    palette, style = QPalette(qapp.palette()), qapp.style().name()

    def use(theme: Theme) -> QPalette:
        apply_theme(theme, qapp)
        return qapp.palette()

    yield use
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setStyleSheet("")


def _css(widget: QWidget, prop: str) -> QColor | None:
    found = re.search(rf"(?<![-\w]){prop}\s*:\s*(#[0-9a-fA-F]{{6}})", widget.styleSheet())
    return QColor(found.group(1)) if found else None


def _label_problems(root: QWidget, palette: QPalette) -> list[str]:
    """Labels whose own colour reads below 4.5:1 on their own or the window's background."""
    bad = []
    for label in root.findChildren(QLabel):
        fg = _css(label, "color")
        if fg is None or not label.text():
            continue
        bg = _css(label, "background") or palette.color(_Role.Window)
        ratio = contrast(fg, bg)
        if ratio < MIN_CONTRAST:
            bad.append(f"{label.objectName() or label.text()[:30]}: {ratio:.2f}")
    return bad


def _cell_problems(view: QAbstractItemView, palette: QPalette, columns: list[int]) -> list[str]:
    model, bad = view.model(), []
    for row in range(model.rowCount()):
        for column in columns:
            index = model.index(row, column)
            if not index.data():
                continue
            fg = index.data(Qt.ItemDataRole.ForegroundRole)
            fg = QColor(fg.color() if hasattr(fg, "color") else fg) if fg else None
            text = fg or palette.color(_Role.Text)
            for bg in (palette.color(_Role.Base), palette.color(_Role.AlternateBase)):
                if contrast(text, bg) < MIN_CONTRAST:
                    bad.append(f"row {row} column {column}: {contrast(text, bg):.2f}")
    selected = contrast(palette.color(_Role.HighlightedText), palette.color(_Role.Highlight))
    if selected < MIN_CONTRAST:
        bad.append(f"selected rows: {selected:.2f}")
    return bad


@pytest.fixture
def flagged(services, clock):
    today = clock.today()
    late = open_case(services, "Zoë Ångström", "E1")
    soon = open_case(services, "Łukasz Żółć", "E2", stage="coaching")
    services.cases.add(conversation(soon, today, summary="Forklift certificate lapsed."))
    services.vault.cases.set_schedule(late.id, today - timedelta(days=3))
    services.vault.cases.set_schedule(soon.id, today + timedelta(days=1))
    return late, soon


@pytest.mark.parametrize("theme", THEMES)
def test_status_and_flag_text_reads_on_every_theme(qtbot, themed, theme, services, flagged):
    palette = themed(theme)
    assert (palette.color(_Role.Base).lightness() < 60) == (theme is not Theme.LIGHT)
    from app.views.settings_store import SettingsStore

    window = MainWindow(services, SettingsStore())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    table = window.case_list.table
    flags = [table.model().index(r, CaseColumn.FLAGS).data() for r in range(2)]
    assert "Overdue" in flags and "Due soon" in flags  # the cells measured are really there
    assert not _cell_problems(table, palette, [CaseColumn.NEXT_DUE, CaseColumn.FLAGS])
    assert not window.grab().isNull()

    workspace = window.open_case(flagged[0].id)
    qtbot.waitExposed(workspace)
    chips = workspace.findChildren(QLabel, "flag_overdue")
    assert chips, "the overdue case shows its chip"
    assert not _label_problems(window, palette)
    assert not workspace.grab().isNull()
    for view in workspace.findChildren(QAbstractItemView):
        if view.model() is not None and view.model().columnCount():
            assert not _cell_problems(view, palette, list(range(view.model().columnCount())))


@pytest.mark.parametrize("theme", THEMES)
def test_every_flag_chip_and_tone_reads(themed, theme):
    palette = themed(theme)
    for flag in Flag:
        chip = flag_chip(flag)
        fg, bg = _css(chip, "color"), _css(chip, "background")
        assert (fg, bg) == flag_colours(flag, palette)
        assert contrast(fg, bg) >= MIN_CONTRAST, (flag, contrast(fg, bg))
    for kind in ("error", "warning", "info", "success", "exception", "muted"):
        colour = tone(kind, palette)
        for role in (_Role.Base, _Role.AlternateBase, _Role.Window):
            assert contrast(colour, palette.color(role)) >= MIN_CONTRAST, (kind, role)


def test_the_contrast_measure_is_wcag():
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert palette_for(Theme.HIGH_CONTRAST).color(_Role.Base) == QColor("#000000")


def test_the_theme_is_chosen_in_preferences_and_kept(qtbot, themed, settings_store):
    assert settings_store.theme is Theme.SYSTEM  # the default follows the system
    dialog = PreferencesDialog(settings_store)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData(Theme.DARK.value))
    dialog.accept()
    assert settings_store.theme is Theme.DARK
    assert QApplication.palette().color(_Role.Base) == palette_for(Theme.DARK).color(_Role.Base)


def test_no_colour_is_written_outside_the_theme_module():
    import pathlib

    import app

    root = pathlib.Path(app.__file__).parent
    literal = re.compile(
        r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![-\w])|QColor\(\s*['\"]|Qt\.GlobalColor"
        r"|color:\s*(white|black|red|gray|grey|blue|green)\b",
    )
    found = []
    for folder in ("views", "models"):
        for path in sorted((root / folder).rglob("*.py")):
            if path.name == "theme.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("  # ")[0]
                if literal.search(code):
                    found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert not found, "colours belong in app/models/theme.py:\n" + "\n".join(found)


@pytest.mark.parametrize("theme", THEMES)
def test_changed_and_problem_cells_stand_out_and_still_read(theme):
    palette = palette_for(theme)
    text, base = palette.color(_Role.Text), palette.color(_Role.Base)
    for colour in (changed_background(palette), problem_background(palette)):
        assert colour != base  # the cell is marked …
        assert contrast(text, colour) >= MIN_CONTRAST  # … and its text still reads
