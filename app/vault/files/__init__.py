"""Files beside the vault: backups, restore and 0600 writes."""
