"""Services for coaching plans and formal reviews."""
