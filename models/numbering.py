"""Gap-free numbering of letters and documents per issuer, series and year (ASG-10)."""

from __future__ import annotations

from tortoise import fields

from models.base import PerisaiModel


class NumberSequence(PerisaiModel):
    """The last number used in one series of one issuer in one year. Numbers are taken
    with the row locked inside the issuing transaction, so they have no gaps (ASG-10)."""

    series = fields.CharField(max_length=40, description="Series prefix, e.g. ST (assignment letter).")
    issuer = fields.CharField(max_length=60, description="Issuer code, e.g. a unit code or LPSK.")
    year = fields.IntField(description="Calendar year the numbers belong to.")
    last_number = fields.IntField(default=0, description="Last number issued; the next is this + 1.")

    class Meta:
        table = "number_sequences"
        unique_together = (("series", "issuer", "year"),)
