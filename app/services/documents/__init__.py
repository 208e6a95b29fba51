"""Services that write files: packs, summaries, attachments, exports."""
