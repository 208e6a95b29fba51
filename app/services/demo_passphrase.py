"""The published demo passphrase, apart from the demo builder so `casepath demo --help` can
name it without importing every service."""

from __future__ import annotations

DEMO_PASSPHRASE = "demo vault not for real cases"  # ASCII only: any keyboard types it
