"""Services for employees and officers, including CSV import."""
