"""Stage keys with the names the vault's policy gives them, for combo boxes."""

from __future__ import annotations

from typing import Any

from app.domain.escalation.policy import STAGE_KEYS
from app.models.roles import stage_label
from app.models.ui_formats import ui_stage_name


def stage_choices(services: Any) -> list[tuple[str, str]]:
    """[(key, name)] in policy order; plain labels when the vault has no policy service."""
    escalation = getattr(services, "escalation", None)
    if escalation is not None:
        try:
            policy = escalation.current_policy()
            return [(key, ui_stage_name(policy, key)) for key in policy.stage_keys]
        except Exception:  # noqa: BLE001 - a broken policy must not stop the list from showing
            pass
    return [(key, stage_label(key)) for key in STAGE_KEYS]
