"""Services that read the audit trail and record audited reads."""
