"""Settings are validated at start with messages that name every problem."""

from __future__ import annotations

import pytest

from models.secrets import generate_key_text
from server.settings import SettingsError, load_settings


def test_load_settings_production_without_keys_refuses_naming_each():
    # given
    environ = {"PERISAI_ENV": "production"}
    # when
    with pytest.raises(SettingsError) as caught:
        load_settings(environ)
    # then
    text = str(caught.value)
    for name in ("PERISAI_SECRET_KEY", "PERISAI_ENCRYPTION_KEY", "PERISAI_BLIND_INDEX_KEY"):
        assert name in text


def test_load_settings_development_generates_and_remembers_keys(tmp_path):
    # given
    keys_file = tmp_path / "keys.env"
    environ = {"PERISAI_KEYS_FILE": str(keys_file)}
    # when
    first = load_settings(environ)
    second = load_settings(environ)
    # then
    assert keys_file.exists() and oct(keys_file.stat().st_mode)[-3:] == "600"
    assert first.keyring == second.keyring and first.secret_key == second.secret_key
    assert first.keyring.active != first.keyring.index_key


def test_load_settings_bad_values_are_named():
    # given
    environ = {
        "PERISAI_ENV": "staging",
        "PERISAI_DATABASE_URL": "mysql://x/y",
        "PERISAI_SECRET_KEY": "short",
        "PERISAI_ENCRYPTION_KEY": "bm90IDMyIGJ5dGVz",
        "PERISAI_BLIND_INDEX_KEY": generate_key_text(),
    }
    # when
    with pytest.raises(SettingsError) as caught:
        load_settings(environ)
    # then
    text = str(caught.value)
    assert "PERISAI_ENV" in text and "PERISAI_DATABASE_URL" in text
    assert "PERISAI_SECRET_KEY" in text and "PERISAI_ENCRYPTION_KEY must be 32 bytes" in text


def test_load_settings_production_with_keys_starts_and_hides_them():
    # given
    environ = {
        "PERISAI_ENV": "production",
        "PERISAI_DATABASE_URL": "postgresql://perisai:hunter2@db:5432/perisai",
        "PERISAI_SECRET_KEY": "s" * 40,
        "PERISAI_ENCRYPTION_KEY": generate_key_text(),
        "PERISAI_BLIND_INDEX_KEY": generate_key_text(),
    }
    # when
    settings = load_settings(environ)
    # then
    assert settings.is_production and settings.dialect == "postgres"
    assert settings.database_url.startswith("postgres://")
    assert "hunter2" not in repr(settings) and "s" * 40 not in repr(settings)


def test_load_settings_reads_the_graphql_allow_list_q_s1(tmp_path):
    # given
    digest = "a" * 64
    allowlist = tmp_path / "allowlist.txt"
    allowlist.write_text(f"# the case board\n{digest}\n\n")
    environ = {"PERISAI_KEYS_FILE": str(tmp_path / "keys.env"), "PERISAI_GRAPHQL_ALLOWLIST": str(allowlist)}
    # when
    settings = load_settings(environ)
    # then
    assert settings.allowed_documents == frozenset({digest})


def test_load_settings_malformed_allow_list_is_named_q_s1(tmp_path):
    # given
    allowlist = tmp_path / "allowlist.txt"
    allowlist.write_text("not-a-hash\n")
    environ = {"PERISAI_KEYS_FILE": str(tmp_path / "keys.env"), "PERISAI_GRAPHQL_ALLOWLIST": str(allowlist)}
    # when
    with pytest.raises(SettingsError) as caught:
        load_settings(environ)
    # then
    assert "PERISAI_GRAPHQL_ALLOWLIST" in str(caught.value) and "line 1" in str(caught.value)


def test_load_settings_reads_allowed_hosts_for_the_admin_panel(tmp_path):
    # given
    environ = {
        "PERISAI_KEYS_FILE": str(tmp_path / "keys.env"),
        "PERISAI_ALLOWED_HOSTS": " Perisai.LPSK.go.id, admin.lpsk.go.id,,perisai.lpsk.go.id ",
    }
    # when
    settings = load_settings(environ)
    default = load_settings({"PERISAI_KEYS_FILE": str(tmp_path / "keys.env")})
    # then: bare host names, lower case, once each; none by default
    assert settings.allowed_hosts == ("perisai.lpsk.go.id", "admin.lpsk.go.id")
    assert default.allowed_hosts == ()


def test_load_settings_allowed_hosts_with_a_url_or_port_is_named(tmp_path):
    # given
    environ = {
        "PERISAI_KEYS_FILE": str(tmp_path / "keys.env"),
        "PERISAI_ALLOWED_HOSTS": "https://perisai.lpsk.go.id,perisai.lpsk.go.id:8443",
    }
    # when
    with pytest.raises(SettingsError) as caught:
        load_settings(environ)
    # then
    text = str(caught.value)
    assert "PERISAI_ALLOWED_HOSTS: 'https://perisai.lpsk.go.id' is not a host name" in text
    assert "'perisai.lpsk.go.id:8443'" in text
