"""CLI verbs for employees and officers."""
