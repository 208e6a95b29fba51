"""Item models of employees, officers and CSV import previews."""
