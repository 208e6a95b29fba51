"""CLI verbs for cases and their records, plans, reviews and packs."""
