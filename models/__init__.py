"""Tortoise models: the single definition of Perisai's data (see docs/models.md)."""

MODEL_MODULES: list[str] = [
    "models.organisation",
    "models.accounts",
    "models.assignments",
    "models.performance",
    "models.cases",
    "models.programs",
    "models.documents",
    "models.proactive_actions",
    "models.safe_houses",
    "models.placements",
    "models.violence_reports",
    "models.audit",
    "models.numbering",
    "models.policies",
    "models.idempotency",
]
