"""Redaction of names and its verifier."""
