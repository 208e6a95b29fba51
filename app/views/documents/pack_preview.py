"""An in-app PDF preview with zoom and page navigation, for packs held in memory.

A `QPdfView` in continuous (multi-page) mode, fit to width by default, with a slim bar over
it: previous / next page, "Page n of N", zoom out / in, fit width and whole page. Keys work
while the preview has focus: Ctrl++ and Ctrl+- zoom, Ctrl+0 fits the width again, Ctrl+9
shows a whole page, PageUp / PageDown go to the previous / next page. The page label follows
scrolling through the page navigator.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QToolButton, QVBoxLayout, QWidget

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 6.0


class PackPreview(QWidget):
    """Shows a `QPdfDocument` page by page; the owner loads and closes the document."""

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packPreview")
        self.document = document
        self.view = QPdfView(self)
        self.view.setObjectName("packPreviewView")
        self.view.setAccessibleName(self.tr("Preview of the pack"))
        self.view.setDocument(document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.navigator = self.view.pageNavigator()

        self.previous_action = self._action(
            "previousPageAction",
            self.tr("Previous page"),
            self.tr("Previous"),
            self.previous_page,
            "PgUp",
        )
        self.next_action = self._action(
            "nextPageAction",
            self.tr("Next page"),
            self.tr("Next"),
            self.next_page,
            "PgDown",
        )
        self.zoom_out_action = self._action(
            "zoomOutAction",
            self.tr("Zoom out"),
            "−",
            self.zoom_out,
            QKeySequence.StandardKey.ZoomOut,
        )
        self.zoom_in_action = self._action(
            "zoomInAction",
            self.tr("Zoom in"),
            "+",
            self.zoom_in,
            QKeySequence.StandardKey.ZoomIn,
            "Ctrl+=",
        )
        self.whole_page_action = self._action(
            "wholePageAction",
            self.tr("Whole page"),
            self.tr("Whole page"),
            self.whole_page,
            "Ctrl+9",
        )
        self.fit_action = self._action(
            "fitWidthAction",
            self.tr("Fit width"),
            self.tr("Fit width"),
            self.fit_width,
            "Ctrl+0",
        )
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.page_label.setMinimumWidth(
            self.page_label.fontMetrics().horizontalAdvance("Page 000 of 000")
        )
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")

        self.bar = bar = QHBoxLayout()  # owners may insert their own buttons in front
        bar.setContentsMargins(0, 0, 0, 0)
        self.previous_button = self._button("previousPageButton", self.previous_action)
        self.next_button = self._button("nextPageButton", self.next_action)
        self.zoom_out_button = self._button("zoomOutButton", self.zoom_out_action)
        self.zoom_in_button = self._button("zoomInButton", self.zoom_in_action)
        self.fit_button = self._button("fitWidthButton", self.fit_action)
        self.whole_page_button = self._button("wholePageButton", self.whole_page_action)
        style = self.style()
        self.previous_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowLeft))
        self.next_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowRight))
        bar.addStretch(1)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.whole_page_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.navigator.currentPageChanged.connect(lambda _page: self._sync())
        document.pageCountChanged.connect(lambda _count: self._sync())
        document.statusChanged.connect(self._reset)
        self.view.zoomFactorChanged.connect(lambda _factor: self._sync())
        self.view.zoomModeChanged.connect(lambda _mode: self._sync())
        self._sync()

    def _action(
        self, name: str, tip: str, text: str, slot: Callable[[], None], *shortcuts: Any
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        keys = [QKeySequence(k) for k in shortcuts]
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _button(self, name: str, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        return button

    # -- state ---------------------------------------------------------------------------
    def page_count(self) -> int:
        # The document may be going away with its owner (it says so through statusChanged).
        return self.document.pageCount() if shiboken6.isValid(self.document) else 0

    def current_page(self) -> int:
        """The page shown, 0-based (0 when nothing is loaded)."""
        return self.navigator.currentPage() if self.page_count() else 0

    def zoom(self) -> float:
        """The scale the pages are shown at (the fit-width scale while fitting)."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or not self.page_count():
            return self.view.zoomFactor()
        points = self.document.pagePointSize(self.current_page())
        scale = self.logicalDpiX() / 72
        margins = self.view.documentMargins()
        room_x = self.view.viewport().width() - margins.left() - margins.right()
        room_y = self.view.viewport().height() - margins.top() - margins.bottom()
        if points.width() <= 0 or points.height() <= 0:
            return 1.0
        fit = room_x / (points.width() * scale)
        if mode == QPdfView.ZoomMode.FitInView:
            fit = min(fit, room_y / (points.height() * scale))
        return max(MIN_ZOOM, fit)

    def _reset(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self.fit_width()
            self.go_to(0)
        self._sync()

    def _sync(self) -> None:
        count = self.page_count()
        page = self.current_page()
        self.page_label.setText(
            self.tr("Page {0} of {1}").format(page + 1, count) if count else self.tr("No pages")
        )
        self.previous_action.setEnabled(count > 0 and page > 0)
        self.next_action.setEnabled(count > 0 and page < count - 1)
        zooms = (self.zoom_in_action, self.zoom_out_action, self.fit_action, self.whole_page_action)
        for action in zooms:
            action.setEnabled(count > 0)
        self.zoom_label.setText(f"{round(self.zoom() * 100)} %" if count else "")

    # -- navigation ----------------------------------------------------------------------
    def go_to(self, page: int) -> None:
        """Show page ``page`` (0-based, clamped) from its top."""
        count = self.page_count()
        if count:
            self.navigator.jump(max(0, min(count - 1, page)), QPointF(), 0)
            self._sync()

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    # -- zoom ----------------------------------------------------------------------------
    def set_zoom(self, factor: float) -> None:
        page = self.current_page()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(MIN_ZOOM, min(MAX_ZOOM, factor)))
        self.go_to(page)  # keep the page the officer was reading in view

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._sync()

    def whole_page(self) -> None:
        page = self.current_page()
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.go_to(page)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._sync()  # the fit-width percentage follows the width
