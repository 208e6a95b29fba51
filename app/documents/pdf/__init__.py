"""PDF documents: packs, summaries, the calibration report and their page furniture."""
