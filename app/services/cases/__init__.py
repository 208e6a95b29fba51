"""Services for a case's life: creating, listing, moving it along its path, its timeline."""
