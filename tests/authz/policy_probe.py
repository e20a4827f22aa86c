"""Second process for the propagation tests: opens the ORM on the test database, starts the
policy watcher and prints `allowed=<bool>` for one question every 0.2 s.

    python -m tests.authz.policy_probe <position> <resource> <action>

Environment: PERISAI_DATABASE_URL (required), PERISAI_REDIS_URL (optional: Redis transport).
Reads only policy_rules and units, so it needs no encryption keys.
"""

from __future__ import annotations

import asyncio
import os
import sys
from types import SimpleNamespace

from tortoise import Tortoise

from authz import enforcer
from authz.principal import Principal, PrincipalKind
from authz.watcher import start_watcher
from server.db import tortoise_config


async def main(position: str, resource: str, action: str) -> None:
    url = os.environ["PERISAI_DATABASE_URL"]
    await Tortoise.init(config=tortoise_config(url, with_aerich=False), _enable_global_fallback=True)
    settings = SimpleNamespace(database_url=url, redis_url=os.environ.get("PERISAI_REDIS_URL") or None)
    watcher = await start_watcher(settings, interval=60.0)  # the periodic backstop stays out of the way
    try:
        if watcher.transport != "periodic":
            await asyncio.wait_for(watcher.listening.wait(), timeout=20)
        await enforcer.get_enforcer()
        print(f"ready transport={watcher.transport}", flush=True)
        principal = Principal(kind=PrincipalKind.STAFF, position=position)
        while True:
            print(f"allowed={await enforcer.allowed(principal, resource, action)}", flush=True)
            await asyncio.sleep(0.2)
    finally:
        await watcher.stop()
        await Tortoise.close_connections()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
