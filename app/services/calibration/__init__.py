"""Calibration figures across departments, pilots and small-group protection."""
