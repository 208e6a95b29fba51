"""Calendar (.ics) export with neutral titles and reminders."""
