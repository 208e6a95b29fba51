"""The audit chain: events, record hashes, verification and receipts."""
