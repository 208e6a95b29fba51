"""The Documents tab's redacted summary: ask what it may hold (`RedactionDialog`), then where
to write it, then build, verify and write it on a worker thread; a verifier refusal is shown
and leaves no file.

A part of `DocumentsTab` (which inherits it): its words keep the tab's translation context.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog

from app.models.ui_formats import ui_error
from app.services.documents.document_service import (
    DocumentError,
    RedactionOptions,
    RedactionRefused,
    UnprintableText,
)
from app.services.errors import VaultError
from app.views.documents.new_pack_dialog import default_page_size
from app.views.documents.redaction_dialog import RedactionDialog
from app.views.widgets.background import BackgroundOp


class RedactedSummaryExport:
    """The tab's export of a summary that names nobody (mixed into `DocumentsTab`)."""

    def export_redacted(self) -> RedactionDialog | None:
        """Ask what the summary may hold, then where to write it; the export runs in the
        background. Returns the (window-modal, non-blocking) dialog."""
        if self.services is None:
            return None
        kind, options = self._redaction
        dialog = RedactionDialog(self, kind=kind, options=options)
        self._dialogs.append(dialog)

        def finished(result: int) -> None:
            if dialog in self._dialogs:
                self._dialogs.remove(dialog)
            if result and self.services is not None:
                self._redaction = (dialog.kind(), dialog.options())
                chosen = self.ask_redacted_path(dialog.kind())
                if chosen is not None:
                    self.write_redacted(chosen[0], dialog.options(), overwrite=chosen[1])
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def ask_redacted_path(self, kind: str) -> tuple[Path, bool] | None:
        """Where to write, from the standard file dialog: (path, may overwrite) or None.

        A name typed without the format's suffix gets it; the dialog's "replace?" question
        was about the typed name, so an existing file under the new name is not replaced.
        """
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("DocumentsTab", "Export redacted summary"),
            QCoreApplication.translate("DocumentsTab", "redacted-summary") + f".{kind}",
            QCoreApplication.translate("DocumentsTab", _SUMMARY_FILTERS[kind]),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() == f".{kind}":
            return path, True
        return path.with_name(f"{path.name}.{kind}"), False

    def write_redacted(
        self, path: Path, options: RedactionOptions, overwrite: bool = False
    ) -> BackgroundOp | None:
        """Build, verify and write the summary on a worker thread (format from the suffix)."""
        if self.services is None:
            return None
        documents, case_id, size = self.services.documents, self.case_id, default_page_size()

        def work() -> Path:
            return documents.export_redacted(case_id, path, options, size, overwrite=overwrite)

        self.export_status.hide()
        self._op = BackgroundOp(
            self,
            work,
            self._exported,
            self._export_failed,
            QCoreApplication.translate("DocumentsTab", "Exporting the redacted summary…"),
        )
        self._op.start()
        self.progress.setRange(0, 0)  # no progress steps to report: a busy bar
        self._update_buttons()
        return self._op

    def _exported(self, path: Path) -> None:
        if self.services is None:
            return
        self.export_status.setText(
            QCoreApplication.translate(
                "DocumentsTab",
                "Redacted summary written to %1. The verifier checked it: it names no one "
                "in the vault.",
            ).replace("%1", str(path))
        )
        self.export_status.show()

    def _export_failed(self, exc: BaseException) -> None:
        if self.services is None:
            return
        if isinstance(exc, RedactionRefused):
            self.warn(
                QCoreApplication.translate("DocumentsTab", "Summary refused by the verifier"),
                ui_error(exc),
            )
        elif isinstance(exc, UnprintableText | VaultError | DocumentError | OSError | ValueError):
            self.warn(
                QCoreApplication.translate("DocumentsTab", "Summary not exported"), ui_error(exc)
            )
        else:
            self.warn(
                QCoreApplication.translate("DocumentsTab", "Summary not exported"),
                QCoreApplication.translate(
                    "DocumentsTab", "Something went wrong (%1); nothing was written. Try again."
                ).replace("%1", type(exc).__name__),
            )


_SUMMARY_FILTERS = {
    "pdf": QT_TRANSLATE_NOOP("DocumentsTab", "PDF documents (*.pdf)"),
    "csv": QT_TRANSLATE_NOOP("DocumentsTab", "CSV spreadsheets (*.csv)"),
    "json": QT_TRANSLATE_NOOP("DocumentsTab", "JSON files (*.json)"),
}
