"""Coaching plans, formal reviews and satisfaction."""
