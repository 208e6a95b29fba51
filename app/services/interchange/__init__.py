"""JSON interchange: export and import of whole vaults' records."""
