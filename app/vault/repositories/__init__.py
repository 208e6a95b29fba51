"""SQL for each kind of record, one repository per concern."""
