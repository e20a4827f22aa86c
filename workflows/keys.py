"""Key rotation for secret fields (Q-S4): re-encrypt in batches under the active key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tortoise import Tortoise
from tortoise.models import Model
from tortoise.transactions import in_transaction

from models.secrets import Sealed, get_keyring, reveal, secret_fields, token_key_id

Progress = Callable[[str], None]


@dataclass
class RotationReport:
    rows: int = 0
    values: int = 0
    per_table: dict[str, int] = field(default_factory=dict)


def models_with_secrets() -> list[type[Model]]:
    return [m for m in Tortoise.apps["models"].values() if secret_fields(m)]


async def rotate_keys(
    *, batch_size: int = 500, reindex: bool = False, progress: Progress = print
) -> RotationReport:
    """Rows sealed under a retired key (or all, with reindex) → sealed under the active key,
    blind indexes recomputed under the current index key; one transaction per batch, so an
    interrupted rotation resumes where it stopped and readers never see a half-written row."""
    active = get_keyring().active_id
    report = RotationReport()
    for model in models_with_secrets():
        names = list(secret_fields(model))
        table = model._meta.db_table
        last_id = None
        while True:
            query = model.all().order_by("id").limit(batch_size)
            if last_id is not None:
                query = query.filter(id__gt=last_id)
            rows = await query
            if not rows:
                break
            async with in_transaction():
                for row in rows:
                    changed: list[str] = []
                    for name in names:
                        value = getattr(row, name)
                        if isinstance(value, Sealed) and (reindex or token_key_id(value.token) != active):
                            setattr(row, name, reveal(row, name))  # plaintext: sealed again on save
                            changed.append(name)
                            index_field = model._meta.fields_map[name].blind_index_field
                            if index_field:
                                changed.append(index_field)
                    if changed:
                        await row.save(update_fields=changed)
                        report.rows += 1
                        report.values += sum(1 for n in changed if n in names)
                        report.per_table[table] = report.per_table.get(table, 0) + 1
            last_id = rows[-1].id
            progress(f"{table}: {report.per_table.get(table, 0)} rows re-encrypted so far")
    return report
