"""Item models of the case list and a case's records, timeline and history."""
