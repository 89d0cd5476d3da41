"""Start-up configuration: typed environment helpers and production settings that fail loudly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_database, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]
SECBIO = str(Path(sys.executable).with_name("secbio"))
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-production-secret-key-with-more-than-fifty-characters-0123456789",
    "ALLOWED_HOSTS": "secbio.example.org,www.secbio.example.org",
    "DATABASE_URL": "sqlite:////tmp/secbio-deploy-check.sqlite3",
}


def _run(*args, env):
    ignored = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in ignored}
    return subprocess.run(
        [SECBIO, *args], env={**clean, **env}, capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_env_bool_rejects_a_value_that_is_not_a_boolean(monkeypatch):
    monkeypatch.setenv("SECURE_SSL_REDIRECT", "maybe")
    with pytest.raises(ImproperlyConfigured, match="SECURE_SSL_REDIRECT"):
        env_bool("SECURE_SSL_REDIRECT", True)


def test_env_int_names_the_variable(monkeypatch):
    monkeypatch.setenv("EMAIL_PORT", "twenty-five")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT"):
        env_int("EMAIL_PORT", 25)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", " a.org, b.org ,,")
    assert env_list("ALLOWED_HOSTS") == ["a.org", "b.org"]


@pytest.mark.parametrize("url", ["mysql://u:p@host/db", "nonsense", "postgres://host:notaport/db"])
def test_database_url_must_be_sqlite_or_postgresql(monkeypatch, url, tmp_path):
    monkeypatch.setenv("DATABASE_URL", url)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        env_database("DATABASE_URL", default_sqlite_path=tmp_path / "db.sqlite3")


def test_database_url_selects_postgresql(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://secbio:pw@db.internal:5432/secbio")
    config = env_database("DATABASE_URL", default_sqlite_path=tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["HOST"], config["PORT"]) == ("secbio", "db.internal", 5432)


def test_sqlite_is_the_default(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = env_database("DATABASE_URL", default_sqlite_path=tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "db.sqlite3")


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_a_required_setting(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = _run("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_refuses_a_bad_database_url():
    result = _run("check", env={**PRODUCTION_ENV, "DATABASE_URL": "oracle://db/secbio"})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_deploy_check_is_clean_with_the_documented_environment():
    result = _run("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
