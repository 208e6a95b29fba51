"""Allows `python -m app …`, the same as the `casepath` command."""

from app.cli import main

raise SystemExit(main())
