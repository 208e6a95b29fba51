"""The fixed choices a coaching plan is made of: its status, an objective's direction and
category, a micro-goal's status and the kinds of resource.
"""

from __future__ import annotations

from app.domain.records import LabelledEnum


class PlanStatus(LabelledEnum):
    ACTIVE = "active"
    SUPERSEDED = "superseded"


class Direction(LabelledEnum):
    """Which way a measure improves: it decides whether the target must be above the baseline."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"

    def beyond(self, a: float, b: float) -> bool:
        """True when ``a`` is strictly better than ``b`` on this measure."""
        return a > b if self is Direction.HIGHER_IS_BETTER else a < b

    @property
    def word(self) -> str:
        return "above" if self is Direction.HIGHER_IS_BETTER else "below"


class ObjectiveCategory(LabelledEnum):
    OUTPUT = "output"
    QUALITY = "quality"
    CUSTOMER = "customer"
    SAFETY = "safety"
    COMPLIANCE = "compliance"
    ATTENDANCE = "attendance"
    BEHAVIOUR = "behaviour"
    SKILLS = "skills"


class MicroGoalStatus(LabelledEnum):
    OPEN = "open"
    DONE = "done"
    MISSED = "missed"


class ResourceKind(LabelledEnum):
    COACHING = "coaching"
    TRAINING = "training"
    MENTORING = "mentoring"
    SHADOWING = "shadowing"
    WORKLOAD_CHANGE = "workload_change"
    REASSIGNMENT_OPTION = "reassignment_option"

    @property
    def label(self) -> str:
        return {"coaching": "Coaching sessions", "reassignment_option": "Reassignment option"}.get(
            self.value, super().label
        )
