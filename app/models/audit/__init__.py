"""Item models of the audit trail and the retention list."""
