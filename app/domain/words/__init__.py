"""The one place that turns domain values into words."""
