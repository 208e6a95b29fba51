"""The words of the demo coaching plans: objectives per department, resources, progress notes
and review summaries, written the way an HR officer writes them.
"""

from __future__ import annotations

from app.domain.plans.plans import Direction, ObjectiveCategory, ResourceKind
from app.domain.plans.reviews import ReviewDecision

# (title, measure, unit, direction, baseline, target, stretch, category, micro-goals)
OBJECTIVES = {
    "Operations": [
        (
            "Plan the week's shifts on time",
            "Rotas published by Thursday noon",
            "% of weeks",
            Direction.HIGHER_IS_BETTER,
            50,
            90,
            100,
            ObjectiveCategory.OUTPUT,
            ("Draft the rota template with the team lead", "Publish two rotas early"),
        ),
        (
            "Fewer planning errors",
            "Rota changes after publication",
            "per week",
            Direction.LOWER_IS_BETTER,
            9,
            3,
            1,
            ObjectiveCategory.QUALITY,
            ("Check leave calendar before drafting", "Peer check of each rota"),
        ),
    ],
    "Customer Service": [
        (
            "Keep call-back promises",
            "Call-backs made within the promised hour",
            "%",
            Direction.HIGHER_IS_BETTER,
            68,
            90,
            97,
            ObjectiveCategory.CUSTOMER,
            ("Use the call-back queue every shift", "Review missed call-backs each Friday"),
        ),
        (
            "Resolve more complaints first time",
            "First-contact resolution",
            "%",
            Direction.HIGHER_IS_BETTER,
            55,
            70,
            80,
            ObjectiveCategory.QUALITY,
            ("Shadow a senior advisor for two shifts", "Complete the complaints module"),
        ),
    ],
    "Finance": [
        (
            "On-time month-end",
            "Working days late at month-end",
            "days",
            Direction.LOWER_IS_BETTER,
            2,
            0,
            None,
            ObjectiveCategory.OUTPUT,
            ("Agree a month-end checklist", "Close the first month on time"),
        ),
        (
            "Fewer invoice errors",
            "Errors per 100 invoices",
            "errors",
            Direction.LOWER_IS_BETTER,
            6,
            2,
            1,
            ObjectiveCategory.QUALITY,
            ("Pair on supplier master data", "Self-check a sample of 20 invoices"),
        ),
    ],
    "Engineering": [
        (
            "Timely code reviews",
            "Pull requests reviewed within two working days",
            "%",
            Direction.HIGHER_IS_BETTER,
            40,
            80,
            90,
            ObjectiveCategory.OUTPUT,
            ("Block review time in the calendar", "Clear the review backlog"),
        ),
        (
            "Fewer escaped defects",
            "Defects found after release",
            "per sprint",
            Direction.LOWER_IS_BETTER,
            5,
            2,
            1,
            ObjectiveCategory.QUALITY,
            ("Add tests for the two riskiest modules", "Run the release checklist"),
        ),
    ],
    "Logistics": [
        (
            "Follow lock-out procedure",
            "Observed lock-out steps completed",
            "%",
            Direction.HIGHER_IS_BETTER,
            80,
            100,
            None,
            ObjectiveCategory.SAFETY,
            (
                "Refresher on lock-out with the safety lead",
                "Three observed shifts without a missed step",
            ),
        ),
        (
            "Accurate stock counts",
            "Count variance",
            "%",
            Direction.LOWER_IS_BETTER,
            4,
            1.5,
            1,
            ObjectiveCategory.QUALITY,
            ("Recount high-value bins weekly", "Learn the handheld scanner's audit mode"),
        ),
    ],
}

RESOURCES = (
    (ResourceKind.COACHING, "Weekly one-to-one coaching", "{manager}"),
    (ResourceKind.TRAINING, "Targeted course on the skills gap", "Learning and development"),
    (ResourceKind.MENTORING, "Monthly mentoring with a senior colleague", "Priya Raman"),
    (ResourceKind.SHADOWING, "Two shifts shadowing a top performer", "{manager}"),
    (
        ResourceKind.WORKLOAD_CHANGE,
        "Ad-hoc requests routed via the team lead for 6 weeks",
        "{manager}",
    ),
)

PROGRESS_NOTES = (
    "Steady week; the new routine is holding.",
    "Slipped on Tuesday after an urgent request; recovered by Friday.",
    "Best week so far, helped by the checklist.",
    "Sick day mid-week; figure reflects four days.",
)

SUMMARIES = {
    ReviewDecision.CONTINUE: "Clear progress on the objectives; resources are helping. "
    "Continue the plan as agreed.",
    ReviewDecision.CLOSE_AS_IMPROVED: "Targets met and sustained over the last period. "
    "Close as improved with a light-touch check-in.",
    ReviewDecision.ESCALATE: "Little movement despite the support provided; escalate to a "
    "formal outcome decision.",
}
