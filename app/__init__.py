"""Casepath: offline, encrypted case vault for HR performance-escalation cases."""

__version__ = "0.1.0"
APP_NAME = "Casepath"
