"""Erasure and handover bundles at the storage level: case-owned tables, rows, encryption."""
