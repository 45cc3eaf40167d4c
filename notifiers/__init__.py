"""Outbound: the reminder policy (pure), the reminders read model, e-mail and webhooks."""
