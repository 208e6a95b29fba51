"""Item models of coaching plans."""
