"""The escalation path: policy, stages, requirements, flags and triggers."""
