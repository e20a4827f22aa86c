"""Settings from environment variables, validated once at start with clear messages.

| variable | meaning |
| --- | --- |
| `PERISAI_ENV` | `development` (default) or `production` |
| `PERISAI_DATABASE_URL` | `sqlite://path` or `postgres://user@host:port/db` (default `sqlite://perisai.sqlite3`) |
| `PERISAI_SECRET_KEY` | signs sessions and tokens (≥ 32 characters) |
| `PERISAI_ENCRYPTION_KEY` | 32-byte base64 key for secret fields (AES-256-GCM) |
| `PERISAI_BLIND_INDEX_KEY` | 32-byte base64 key for the blind index (HMAC-SHA256) |
| `PERISAI_RETIRED_ENCRYPTION_KEYS` | comma-separated old data keys, still read during rotation |
| `PERISAI_KEYS_FILE` | development only: where generated keys are remembered (`.perisai-keys.env`) |
| `PERISAI_REDIS_URL` | optional shared state for rate limits and policy notifications |
| `PERISAI_GRAPHQL_ALLOWLIST` | optional file of allowed document hashes (SHA-256 hex, one per line): any other document is refused |
| `PERISAI_ALLOWED_HOSTS` | comma-separated host names the admin panel is served under (`perisai.lpsk.go.id`): behind HTTPS its CSRF check accepts only these |

Development generates missing keys once and remembers them in the keys file (never
committed); production refuses to start without them.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from models.secrets import KeyRing, SecretConfigurationError, decode_key, generate_key_text

log = logging.getLogger("perisai.settings")

ENVIRONMENTS = ("development", "production")
DEFAULT_DATABASE_URL = "sqlite://perisai.sqlite3"
GENERATED_KEYS = ("PERISAI_SECRET_KEY", "PERISAI_ENCRYPTION_KEY", "PERISAI_BLIND_INDEX_KEY")


class SettingsError(Exception):
    """One or more settings are missing or invalid; the message lists every problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("Perisai cannot start:\n" + "\n".join(f"  - {p}" for p in problems))


@dataclass(frozen=True)
class Settings:
    env: str
    database_url: str
    secret_key: str
    keyring: KeyRing = field(repr=False)
    redis_url: str | None = None
    keys_file: Path | None = None
    allowed_documents: frozenset[str] | None = None  # SHA-256 hashes; None: every document (Q-S1)
    allowed_hosts: tuple[str, ...] = ()  # the admin panel's CSRF check behind HTTPS (piccolo_api)

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def dialect(self) -> str:
        return database_dialect(self.database_url)

    def __repr__(self) -> str:  # never print keys
        return f"Settings(env={self.env!r}, database={redact_url(self.database_url)!r})"


def database_dialect(url: str) -> str:
    scheme = urlparse(url).scheme
    if scheme == "sqlite":
        return "sqlite"
    if scheme in ("postgres", "postgresql", "asyncpg", "psycopg"):
        return "postgres"
    raise SettingsError(
        [f"PERISAI_DATABASE_URL: unsupported scheme {scheme!r} (use sqlite:// or postgres://)"]
    )


def normalise_database_url(url: str) -> str:
    """postgresql:// → postgres:// (Tortoise's name); everything else unchanged."""
    if url.startswith("postgresql://"):
        return "postgres://" + url[len("postgresql://") :]
    return url


def redact_url(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url


def _read_keys_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def _remember_dev_keys(path: Path, known: dict[str, str]) -> dict[str, str]:
    """Generate the keys missing from `known`, append them to `path` (mode 600), say so."""
    generated = {}
    for name in GENERATED_KEYS:
        if not known.get(name):
            generated[name] = (
                secrets.token_urlsafe(48) if name == "PERISAI_SECRET_KEY" else generate_key_text()
            )
    if generated:
        new_file = not path.exists()
        with path.open("a", encoding="utf-8") as handle:
            if new_file:
                handle.write("# Perisai development keys — generated, never commit this file.\n")
            for name, value in generated.items():
                handle.write(f"{name}={value}\n")
        path.chmod(0o600)
        log.warning(
            "generated development keys %s and saved them in %s", ", ".join(generated), path.resolve()
        )
    return {**known, **generated}


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Environment → validated Settings, or SettingsError naming every problem."""
    env_vars = dict(os.environ if environ is None else environ)
    problems: list[str] = []
    env = env_vars.get("PERISAI_ENV", "development").strip().lower()
    if env not in ENVIRONMENTS:
        problems.append(f"PERISAI_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}")
        env = "production"  # validate the rest as strictly as possible
    database_url = normalise_database_url(
        env_vars.get("PERISAI_DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL
    )
    try:
        database_dialect(database_url)
    except SettingsError as exc:
        problems.extend(exc.problems)

    keys = {name: env_vars.get(name, "").strip() for name in GENERATED_KEYS}
    keys_file: Path | None = None
    if env == "development" and not all(keys.values()):
        keys_file = Path(env_vars.get("PERISAI_KEYS_FILE", ".perisai-keys.env"))
        remembered = _read_keys_file(keys_file) if keys_file.exists() else {}
        merged = {name: keys[name] or remembered.get(name, "") for name in GENERATED_KEYS}
        keys = _remember_dev_keys(keys_file, merged)
    for name in GENERATED_KEYS:
        if not keys.get(name):
            problems.append(f"{name} is required in production (see README, 'Configuration')")

    secret_key = keys.get("PERISAI_SECRET_KEY", "")
    if secret_key and len(secret_key) < 32:
        problems.append("PERISAI_SECRET_KEY must be at least 32 characters")
    keyring = None
    try:
        active = (
            decode_key(keys["PERISAI_ENCRYPTION_KEY"], "PERISAI_ENCRYPTION_KEY")
            if keys.get("PERISAI_ENCRYPTION_KEY")
            else None
        )
        index_key = (
            decode_key(keys["PERISAI_BLIND_INDEX_KEY"], "PERISAI_BLIND_INDEX_KEY")
            if keys.get("PERISAI_BLIND_INDEX_KEY")
            else None
        )
        retired = tuple(
            decode_key(text, "PERISAI_RETIRED_ENCRYPTION_KEYS")
            for text in env_vars.get("PERISAI_RETIRED_ENCRYPTION_KEYS", "").split(",")
            if text.strip()
        )
        if active and index_key:
            if active == index_key:
                problems.append("PERISAI_BLIND_INDEX_KEY must differ from PERISAI_ENCRYPTION_KEY")
            keyring = KeyRing(active=active, index_key=index_key, retired=retired)
    except SecretConfigurationError as exc:
        problems.append(str(exc))

    allowed_documents = None
    allowlist = env_vars.get("PERISAI_GRAPHQL_ALLOWLIST", "").strip()
    if allowlist:
        try:
            allowed_documents = read_allowlist(Path(allowlist))
        except (OSError, ValueError) as exc:
            problems.append(f"PERISAI_GRAPHQL_ALLOWLIST: {exc}")

    # --- admin panel: allowed hosts (issue 4) ---
    allowed_hosts = parse_allowed_hosts(env_vars.get("PERISAI_ALLOWED_HOSTS", ""), problems)

    if problems or keyring is None:
        raise SettingsError(problems or ["encryption keys are missing"])
    return Settings(
        env=env,
        database_url=database_url,
        secret_key=secret_key,
        keyring=keyring,
        redis_url=env_vars.get("PERISAI_REDIS_URL") or None,
        keys_file=keys_file,
        allowed_documents=allowed_documents,
        allowed_hosts=allowed_hosts,
    )


def parse_allowed_hosts(text: str, problems: list[str]) -> tuple[str, ...]:
    """'perisai.lpsk.go.id, admin.lpsk.go.id' → the host names, lower case; a URL or a port is
    named in `problems` (piccolo_api compares the bare host name of the Origin/Referer header)."""
    hosts: list[str] = []
    for raw in text.split(","):
        host = raw.strip().lower()
        if not host:
            continue
        if any(c in host for c in "/:@ "):
            problems.append(
                f"PERISAI_ALLOWED_HOSTS: {raw.strip()!r} is not a host name (e.g. perisai.lpsk.go.id)"
            )
            continue
        hosts.append(host)
    return tuple(dict.fromkeys(hosts))


def read_allowlist(path: Path) -> frozenset[str]:
    """A file of SHA-256 hex digests, one per line ('#' comments) → the set; ValueError on a bad line."""
    hashes = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.split("#", 1)[0].strip().lower()
        if not text:
            continue
        if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
            raise ValueError(f"line {number} of {path} is not a SHA-256 hex digest")
        hashes.add(text)
    return frozenset(hashes)
