"""Load the demo data set: fictional organisation, cases, safe houses, reports (idempotent)."""

from __future__ import annotations

import time

from tortoise.transactions import in_transaction

from models.organisation import Unit
from server.demo import accounts, organisation, protection, safe_houses, violence_reports
from server.demo.context import DemoContext, Progress

LOADERS = (
    ("organisation", organisation.load),
    ("protection", protection.load),
    ("safe houses", safe_houses.load),
    ("violence reports", violence_reports.load),
    ("accounts", accounts.load),
)


async def load_demo_data(progress: Progress = print, *, only_if_empty: bool = True) -> bool:
    """Load everything in one transaction unless an organisation already exists.

    Returns whether data was loaded. Running it twice changes nothing the second time
    (idempotent); `only_if_empty` is kept for callers that want to say so explicitly.
    """
    if await Unit.exists():
        return False
    ctx = DemoContext(progress=progress)
    started = time.perf_counter()
    async with in_transaction():
        for index, (name, load) in enumerate(LOADERS, start=1):
            progress(f"[{index}/{len(LOADERS)}] {name}")
            await load(ctx)
    progress(f"done in {time.perf_counter() - started:.1f}s")
    return True
