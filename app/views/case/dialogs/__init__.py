"""Dialogs opened from a case."""
