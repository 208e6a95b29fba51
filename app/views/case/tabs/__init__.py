"""The case workspace's tabs."""
