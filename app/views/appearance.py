"""Applying a theme to the running application (Preferences → Appearance).

The platform's own palette is kept on the application the first time a theme is applied, so
choosing "Follow the system" again restores it. Non-system themes use the Fusion style,
which paints with the palette on every platform (native styles may ignore it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from app.models.theme import Theme, palette_for, theme_css

_SYSTEM_PALETTE = "casepathSystemPalette"
_SYSTEM_STYLE = "casepathSystemStyle"


def theme_names() -> list[tuple[Theme, str]]:
    """The choices offered in Preferences, in words."""
    # Spelled out in full: lupdate only finds QCoreApplication.translate by that name.
    return [
        (Theme.SYSTEM, QCoreApplication.translate("Appearance", "Follow the system")),
        (Theme.LIGHT, QCoreApplication.translate("Appearance", "Light")),
        (Theme.DARK, QCoreApplication.translate("Appearance", "Dark")),
        (Theme.HIGH_CONTRAST, QCoreApplication.translate("Appearance", "High contrast")),
    ]


def apply_theme(theme: Theme, app: QApplication | None = None) -> None:
    app = app or QApplication.instance()
    if app is None:
        return
    if app.property(_SYSTEM_PALETTE) is None:
        app.setProperty(_SYSTEM_PALETTE, QPalette(app.palette()))
        app.setProperty(_SYSTEM_STYLE, app.style().name())
    system = app.property(_SYSTEM_PALETTE)
    if theme is Theme.SYSTEM:
        name = app.property(_SYSTEM_STYLE)
        if name and name.lower() != app.style().name().lower():
            app.setStyle(QStyleFactory.create(name))
        app.setPalette(system)
        app.setStyleSheet("")
        return
    if app.style().name().lower() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(palette_for(theme, system))
    app.setStyleSheet(theme_css(theme))
