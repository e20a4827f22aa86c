"""Authorization policy lines stored in the database (AC-2 … AC-12), read by the Casbin adapter."""

from __future__ import annotations

from tortoise import fields

from models.base import PerisaiModel


class PolicyRule(PerisaiModel):
    """One Casbin policy line (`p` or `g`), as administrators read and change it without a
    code change. Loaded by authz/adapter.py; every change is audited (AC-13)."""

    ptype = fields.CharField(
        max_length=8, db_index=True, description="Line type: p (permission) or g (grouping)."
    )
    v0 = fields.CharField(max_length=200, default="", description="First field (subject / role).")
    v1 = fields.CharField(max_length=200, default="", description="Second field (resource, or parent role).")
    v2 = fields.CharField(max_length=200, default="", description="Third field (action).")
    v3 = fields.CharField(max_length=200, default="", description="Fourth field (scope).")
    v4 = fields.CharField(max_length=200, default="", description="Fifth field.")
    v5 = fields.CharField(max_length=200, default="", description="Sixth field.")

    class Meta:
        table = "policy_rules"
        unique_together = (("ptype", "v0", "v1", "v2", "v3", "v4", "v5"),)
