"""Handovers in the window: File → Handover → this vault's key, hand cases over, import a
bundle, import an acknowledgement. The main window calls `install_handover_actions` once."""

from app.views.handover.handover_actions import install_handover_actions

__all__ = ["install_handover_actions"]
