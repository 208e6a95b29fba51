"""CLI verbs for the vault as a whole: create, back up, audit, settings, templates, exchange,
calibration."""
