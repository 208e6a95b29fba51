"""CLI verbs for retention, legal holds, erasure, subject access and handover bundles."""
