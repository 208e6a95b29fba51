"""Privacy duties: retention, legal hold, erasure, subject access and handover bundles."""
