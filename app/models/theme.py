"""Colours: the three themes' palettes and the few meaningful tones, in one place.

Views and models never write a colour literal; they ask here for a *tone* (error, warning,
muted …) or a flag's chip colours, worked out against the palette in use, so the same
screen reads under Light, Dark and High contrast. Every tone is checked against the
palette's base and window colours (WCAG relative luminance) and falls back to the
palette's own text colour when it would read below 4.5:1. QtGui only, so item models can
use it as well as views.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from app.domain.escalation.flags import Flag

MIN_CONTRAST = 4.5  # WCAG AA for normal text


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup

# (window, window text, base, alternate base, text, button, highlight, highlighted text,
#  link, placeholder / disabled text)
_PALETTES: dict[Theme, tuple[str, ...]] = {
    Theme.LIGHT: (
        "#f3f3f3", "#1b1b1b", "#ffffff", "#f5f7fa", "#1b1b1b",
        "#ececec", "#2f65ca", "#ffffff", "#1a4fb4", "#6b6b6b",
    ),
    Theme.DARK: (
        "#232629", "#eff0f1", "#1b1e20", "#26292c", "#eff0f1",
        "#31363b", "#2d6ad0", "#ffffff", "#8ab4f8", "#a0a4a8",
    ),
    Theme.HIGH_CONTRAST: (
        "#000000", "#ffffff", "#000000", "#0d0d0d", "#ffffff",
        "#000000", "#ffff00", "#000000", "#80d8ff", "#d0d0d0",
    ),
}  # fmt: skip

# Tones for light and dark backgrounds; high contrast takes the dark set, then is checked.
_TONES: dict[str, tuple[str, str]] = {
    "error": ("#b3261e", "#ff8a80"),
    "warning": ("#8a4b00", "#ffcc80"),
    "info": ("#1d4ed8", "#8ab4f8"),
    "success": ("#1b6e34", "#81c995"),
    "exception": ("#9a3412", "#ffab91"),
}

# Flag chips: (text, background) on light and dark palettes.
_CHIPS: dict[Flag, tuple[tuple[str, str], tuple[str, str]]] = {
    Flag.OVERDUE: (("#ffffff", "#b3261e"), ("#1b0000", "#ff8a80")),
    Flag.DUE_SOON: (("#5c3d00", "#ffd78a"), ("#1f1400", "#ffcc80")),
    Flag.STALLED: (("#3b3b3b", "#d9d9d9"), ("#ececec", "#4a4f55")),
    Flag.AWAITING_APPROVAL: (("#0b3a75", "#cfe2ff"), ("#071d3a", "#a8c7fa")),
}


def palette_for(theme: Theme, system: QPalette | None = None) -> QPalette:
    """The palette a theme paints with; SYSTEM is the palette the platform gave."""
    if theme is Theme.SYSTEM or theme not in _PALETTES:
        return QPalette(system) if system is not None else QPalette()
    (window, window_text, base, alternate, text, button, highlight, highlighted, link, dim) = (
        QColor(c) for c in _PALETTES[theme]
    )
    p = QPalette()
    for role, colour in (
        (_Role.Window, window),
        (_Role.WindowText, window_text),
        (_Role.Base, base),
        (_Role.AlternateBase, alternate),
        (_Role.Text, text),
        (_Role.Button, button),
        (_Role.ButtonText, window_text),
        (_Role.Highlight, highlight),
        (_Role.HighlightedText, highlighted),
        (_Role.Link, link),
        (_Role.LinkVisited, link),
        (_Role.ToolTipBase, base),
        (_Role.ToolTipText, text),
        (_Role.PlaceholderText, dim),
        (_Role.BrightText, QColor("#ff5252")),
    ):
        p.setColor(role, colour)
    for role in (_Role.Light, _Role.Midlight, _Role.Mid, _Role.Dark, _Role.Shadow):
        shade = {_Role.Light: 150, _Role.Midlight: 120, _Role.Mid: 80, _Role.Dark: 60}
        p.setColor(role, button.lighter(shade.get(role, 100)) if role != _Role.Shadow else "#000")
    if theme is Theme.HIGH_CONTRAST:
        for role in (_Role.Light, _Role.Midlight, _Role.Mid, _Role.Dark):
            p.setColor(role, QColor("#ffffff"))  # frames and separators show clearly
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText):
        p.setColor(_Group.Disabled, role, dim)
    return p


def current_palette() -> QPalette:
    app = QGuiApplication.instance()
    return QGuiApplication.palette() if app is not None else QPalette()


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or current_palette()
    return luminance(palette.color(_Role.Base)) < 0.2


def _backgrounds(palette: QPalette) -> tuple[QColor, ...]:
    return tuple(palette.color(r) for r in (_Role.Base, _Role.AlternateBase, _Role.Window))


def tone(kind: str, palette: QPalette | None = None) -> QColor:
    """A meaningful text colour (error, warning, info, success, exception, muted) that reads
    at least 4.5:1 on the palette's base, alternate base and window colours."""
    palette = palette or current_palette()
    text = palette.color(_Role.Text)
    if kind == "muted":
        background = palette.color(_Role.Base)
        candidate = _mix(text, background, 0.72)
    else:
        light, dark = _TONES[kind]
        candidate = QColor(dark if is_dark(palette) else light)
    if all(contrast(candidate, bg) >= MIN_CONTRAST for bg in _backgrounds(palette)):
        return candidate
    return text


def flag_colours(flag: Flag, palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """(text, background) of a flag chip, readable on any theme."""
    palette = palette or current_palette()
    light, dark = _CHIPS[flag]
    fg, bg = (QColor(c) for c in (dark if is_dark(palette) else light))
    if contrast(fg, bg) >= MIN_CONTRAST:
        return fg, bg
    return palette.color(_Role.Text), palette.color(_Role.Base)


def colour_css(kind: str, palette: QPalette | None = None) -> str:
    """A style-sheet fragment (``color: …;``) for a label in one of the tones."""
    return f"color: {tone(kind, palette).name()};"


def _mix(a: QColor, b: QColor, weight: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() * weight + b.redF() * (1 - weight),
        a.greenF() * weight + b.greenF() * (1 - weight),
        a.blueF() * weight + b.blueF() * (1 - weight),
    )


def problem_background(palette: QPalette | None = None) -> QColor:
    """The background of a cell with a problem: the error tone washed into the base colour,
    light enough (or dark enough) that the cell's own text still reads."""
    palette = palette or current_palette()
    base = palette.color(_Role.Base)
    washed = _mix(tone("error", palette), base, 0.16)
    if contrast(palette.color(_Role.Text), washed) >= MIN_CONTRAST:
        return washed
    return base


def changed_background(palette: QPalette | None = None) -> QColor:
    """The background of a cell whose value changed since the version before: the warning
    tone washed into the base colour, so the cell's own text still reads on every theme."""
    palette = palette or current_palette()
    base = palette.color(_Role.Base)
    washed = _mix(tone("warning", palette), base, 0.18)
    if contrast(palette.color(_Role.Text), washed) >= MIN_CONTRAST:
        return washed
    return base


_CONTROLS = (
    "QPushButton, QToolButton, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox,"
    " QDateEdit, QDoubleSpinBox"
)
_FOCUSABLE = _CONTROLS + ", QAbstractItemView, QCheckBox, QRadioButton, QTabBar"


def theme_css(theme: Theme) -> str:
    """The application style sheet a theme adds: in high contrast every control gets an
    outline and keyboard focus a thick one in the highlight colour (Fusion alone draws black
    frames on black). Other themes add nothing."""
    if theme is not Theme.HIGH_CONTRAST:
        return ""
    p = palette_for(theme)
    outline = p.color(_Role.Text).name()
    focus = p.color(_Role.Highlight).name()
    dim = p.color(_Group.Disabled, _Role.Text).name()
    focused = ", ".join(f"{name.strip()}:focus" for name in _FOCUSABLE.split(","))
    disabled = ", ".join(f"{name.strip()}:disabled" for name in _CONTROLS.split(","))
    # A style sheet border makes Qt draw spin boxes itself: give their arrows back as
    # triangles in the text colour.
    arrows = (
        "QAbstractSpinBox::up-button, QAbstractSpinBox::down-button { width: 14px; border: none; }"
        "\nQAbstractSpinBox::up-arrow { width: 0; height: 0; border-left: 5px solid transparent;"
        f" border-right: 5px solid transparent; border-bottom: 6px solid {outline}; }}\n"
        "QAbstractSpinBox::down-arrow { width: 0; height: 0; border-left: 5px solid transparent;"
        f" border-right: 5px solid transparent; border-top: 6px solid {outline}; }}\n"
    )
    return (
        f"{_CONTROLS} {{ border: 1px solid {outline}; padding: 2px 6px; }}\n"
        f"{focused} {{ border: 2px solid {focus}; }}\n"
        f"{disabled} {{ border-color: {dim}; }}\n" + arrows
    )
