"""Render resources/icons/casepath.svg into the PNG sizes desktops ask for (committed files).

Run after changing the SVG: ``python packaging/render_icons.py``. Uses Qt's own SVG renderer,
so no other tool is needed; the output is ``resources/icons/casepath-<size>.png``.
"""

from __future__ import annotations

import os
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs it
    renderer = QSvgRenderer(str(ICONS / "casepath.svg"))
    if not renderer.isValid():
        raise SystemExit("casepath.svg does not parse")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"casepath-{size}.png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
