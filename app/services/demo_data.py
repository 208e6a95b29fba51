"""The words of the demo vault: departments and roles, names from several languages, the case
mix, and the metrics, summaries and observations its records are written from.
"""

from __future__ import annotations

from app.domain.records import ConversationKind, IndicatorCategory, Track

DEPARTMENTS = {
    "Operations": ("Operations analyst", "Shift lead", "Planner"),
    "Customer Service": ("Customer advisor", "Team coordinator", "Complaints specialist"),
    "Finance": ("Accounts payable clerk", "Financial analyst", "Payroll officer"),
    "Engineering": ("Software engineer", "QA engineer", "Site reliability engineer"),
    "Logistics": ("Warehouse operative", "Forklift driver", "Inventory controller"),
}

# Coherent names per language, so the demo looks like a real, international workforce.
NAME_POOLS = [  # each pool agrees in language and, where surnames are gendered, in gender
    (["Zoë", "Amélie", "Chiara", "Ingrid"], ["Ångström", "Lefèvre", "Bianchi", "Lindqvist"]),
    (["Björn", "Søren", "Lars"], ["Kjærgaard", "Gústafsson", "Lindqvist"]),
    (["Małgorzata", "Agnieszka"], ["Wiśniewska", "Nowak", "Kowalska", "Żółć"]),
    (["Łukasz", "Tomasz"], ["Kowalski", "Nowak", "Żółć"]),
    (["Kateřina", "Tereza"], ["Dvořáková", "Nováková"]),
    (["Ελένη", "Μαρία"], ["Παπαδοπούλου", "Νικολάου", "Γεωργίου"]),
    (["Αλέξανδρος", "Νίκος"], ["Παπαδόπουλος", "Νικολάου", "Γεωργίου"]),
    (["Дарья", "Ольга"], ["Смирнова", "Иванова", "Петрова"]),
    (["Иван", "Сергей"], ["Петров", "Козлов", "Смирнов"]),
    (["Ayşe", "Emre", "Elif", "Mehmet"], ["Yılmaz", "Şahin", "Çelik", "Öztürk"]),
    (["Nguyễn Thị", "Trần Văn", "Lê Thị"], ["Hoa", "Đức", "Lan", "Minh"]),
    (["Priya", "Arjun"], ["Raman", "Iyer"]),
    (["Oluwaseun", "Chidi"], ["Adeyemi", "Okafor"]),
    (["Fatima", "Omar"], ["Haddad", "Mansour"]),
    (["José", "Mateus", "Lucía", "Tomás"], ["Gonçalves", "Muñoz", "Pérez", "Ibáñez"]),
    (["Siobhán", "Aoife", "Cian"], ["Ó Briain", "Byrne", "Kavanagh"]),
    (["Jürgen", "Anja"], ["Müller", "Schäfer"]),
    (["Răzvan", "Ioana"], ["Popescu", "Ionescu"]),
]
CJK_FULL_NAMES = ["李小龙", "王芳", "佐藤 花子"]

# (stage, track, how many) — every stage on the standard track, high-stakes from formal concern.
CASE_MIX = [
    ("early_conversation", Track.STANDARD, 6),
    ("coaching", Track.STANDARD, 6),
    ("formal_concern", Track.STANDARD, 4),
    ("formal_concern", Track.HIGH_STAKES, 2),
    ("improvement_plan", Track.STANDARD, 4),
    ("improvement_plan", Track.HIGH_STAKES, 1),
    ("formal_review", Track.STANDARD, 3),
    ("formal_review", Track.HIGH_STAKES, 1),
    ("outcome", Track.STANDARD, 3),
]

STAGE_AGE_DAYS = {  # how long ago such a case typically opened
    "early_conversation": (2, 14),
    "coaching": (25, 60),
    "formal_concern": (50, 90),
    "improvement_plan": (80, 130),
    "formal_review": (110, 170),
    "outcome": (150, 220),
}

METRICS = {
    IndicatorCategory.MISSED_TARGET: (
        "Tickets resolved per week",
        40.0,
        (24, 36),
        "tickets",
        "Service desk weekly report",
    ),
    IndicatorCategory.QUALITY_GAP: (
        "First-pass QA acceptance",
        95.0,
        (72, 90),
        "%",
        "QA sampling log",
    ),
    IndicatorCategory.CUSTOMER_IMPACT: (
        "Escalated complaints",
        1.0,
        (3, 6),
        "per month",
        "CRM complaint register",
    ),
    IndicatorCategory.ATTENDANCE: (
        "Unplanned absence days",
        1.0,
        (3, 5),
        "days/quarter",
        "HRIS absence record",
    ),
    IndicatorCategory.SAFETY: (
        "Safety procedure breaches",
        0.0,
        (1, 2),
        "incidents",
        "Site safety incident log",
    ),
    IndicatorCategory.COMPLIANCE: (
        "Unreconciled payments over 30 days",
        0.0,
        (4, 9),
        "items",
        "Monthly compliance check",
    ),
}

SUMMARIES = {
    ConversationKind.INFORMAL: [
        "Opened by asking how the last month had felt. {first} said the queue has grown since "
        "the team lost two people and that they are triaging on their own.",
        "Quiet one-to-one to share the figures before anything formal. {first} was surprised by "
        "the numbers and asked to see how they are counted.",
    ],
    ConversationKind.COACHING: [
        "Coaching session on prioritising. We walked through last week's work item by item; "
        "{first} agreed that urgent requests from other teams keep displacing planned work.",
        "Reviewed progress since the last session. Two of three agreed habits are in place; the "
        "end-of-day hand-over note is still missing on late shifts.",
    ],
    ConversationKind.FORMAL_CONCERN: [
        "Formal concern meeting. Set out the gap against the agreed standard with the evidence "
        "pack; {first} accepted the figures but disputed that expectations were ever written "
        "down. Agreed that they had not been and that this changes now.",
    ],
    ConversationKind.REVIEW: [
        "Formal review of the improvement plan. Objective on throughput met two weeks early; "
        "quality objective still below target. {first} asked for the QA checklist in advance.",
    ],
    ConversationKind.CHECK_IN: [
        "Short check-in. {first} reports the new rota helps; no new incidents this fortnight.",
    ],
}

CONSTRAINTS = [
    "Covering a vacant role since spring; no backfill approved.",
    "New ticketing system introduced without training for the late shift.",
    "Caring responsibilities at home on two afternoons a week.",
    "Three managers send work directly, with conflicting deadlines.",
]
EXPECTATIONS = [
    "Resolve 40 tickets a week at 95% first-pass acceptance, measured monthly.",
    "Follow the lock-out procedure every time, with the checklist signed.",
    "Reconcile payments within 30 days; flag exceptions to the team lead the same day.",
    "Acknowledge complaints within one working day and close them within ten.",
]
ACTIONS = [
    "Manager to route all requests through the team board from Monday",
    "Book the two-day ticketing course",
    "Weekly 20-minute check-in on Thursdays",
    "Pair with a senior colleague for the next month-end close",
    "Write down the agreed standard and share it by Friday",
]
OBSERVATIONS = [
    (
        "Team lead, Customer Service",
        "peer",
        "Hand-overs from {first} arrive without the customer history; we re-contact customers.",
    ),
    (
        "Site safety adviser",
        "stakeholder",
        "Saw {first} skip the lock-out step on line 3 during a rush; stopped the line myself.",
    ),
    (
        "Finance business partner",
        "stakeholder",
        "Month-end figures arrived two days late twice; content was accurate once received.",
    ),
    (
        "Senior engineer",
        "peer",
        "{first} is strong on diagnosis but pull requests sit unreviewed for days.",
    ),
    (
        "Customer",
        "customer",
        "Complained that promised call-backs did not happen on three occasions in May.",
    ),
]
