"""The Documents screen of a case: the new-pack dialog, the pack preview and printing."""
