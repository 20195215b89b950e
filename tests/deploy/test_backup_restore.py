"""scripts/backup and scripts/restore against a real PostgreSQL 15: a conference's
registrations, invoices and files come back byte for byte in an empty database."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.deploy.postgres import empty_databases, needs_postgresql

ROOT = Path(__file__).resolve().parent.parent.parent


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def site_env(tmp_path: Path, name: str, database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a production site whose var/ and media are in tmp_path/name."""
    var = tmp_path / name
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "forsamling.settings",
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
        "SECRET_KEY": "backup-test-secret-key-0123456789-0123456789-0123456789",
        "DEBUG": "0",
        "DATABASE_URL": database_url,
        "FORSAMLING_VAR_DIR": str(var),
        "MEDIA_ROOT": str(var / "media"),
        "FORSAMLING_INVOICE_OUTBOX": str(var / "outbox"),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "BACKUP_DIR": str(tmp_path / "backups"),
        **extra,
    }


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def tables(env: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    return json.loads(ok(run([sys.executable, "-m", "tests.deploy.scene", "summary"], env)))


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def backup_sets(tmp_path: Path) -> list[Path]:
    return sorted(p for p in (tmp_path / "backups").iterdir() if p.name.startswith("forsamling-"))


@pytest.mark.slow
@needs_postgresql
def test_a_backup_restores_into_an_empty_database_with_the_same_rows_and_files(tmp_path):
    with empty_databases("source", "target") as url:
        source = site_env(tmp_path, "source", url["source"])
        target = site_env(tmp_path, "target", url["target"])
        ok(run([sys.executable, "-m", "tests.deploy.scene", "fill"], source))

        written = ok(run(["scripts/backup"], source))

        [made] = backup_sets(tmp_path)
        assert f"Backup written: {made}" in written
        assert stat.S_IMODE(made.stat().st_mode) == 0o700
        assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in made.iterdir()} == {
            "database.dump": 0o600, "media.tar.gz": 0o600, "manifest.json": 0o600,
        }  # fmt: skip
        manifest = json.loads((made / "manifest.json").read_text())
        assert manifest["app"]["version"] == "0.1.0"
        assert manifest["database"]["server_version"].startswith("15.")

        restored = ok(run(["scripts/restore", made.name], target))

        before, after = tables(source), tables(target)
        assert after == before
        numbers = [invoice["number"] for invoice in after["invoicing.Invoice"]]
        assert numbers == ["FORUM2026-0001", "FORUM2026-0002", "FORUM2026-0003", "FORUM2026-0004"]
        prices = {line["unit_price"] for line in after["invoicing.InvoiceLine"]}
        assert {"3995.00", "12500.00"} <= prices
        assert [r["name"] for r in after["registration.Registration"]] == [
            "Aase Ørum",
            "Bo Andersen",
            "Øline Ås",
        ]
        assert "registration.Registration: 3" in restored
        assert "invoicing.Invoice: 4" in restored
        source_files = files(tmp_path / "source" / "media")
        assert files(tmp_path / "target" / "media") == source_files
        sent = {i["sent_file"] for i in after["invoicing.Invoice"]}
        logo = after["exhibitors.Exhibitor"][0]["logo"]
        assert sent | {logo} == set(source_files)  # every file the rows name, and only those
        assert {name.rsplit(".", 1)[-1] for name in sent} == {"xml", "pdf"}


@pytest.mark.slow
@needs_postgresql
def test_restore_refuses_damaged_sets_and_data_it_would_overwrite(tmp_path):
    with empty_databases("source", "target") as url:
        source = site_env(tmp_path, "source", url["source"])
        target = site_env(tmp_path, "target", url["target"])
        ok(run([sys.executable, "manage.py", "migrate", "--no-input", "-v0"], source))
        ok(run(["scripts/backup"], source))
        [made] = backup_sets(tmp_path)

        damaged = tmp_path / "damaged"
        damaged.mkdir()
        for part in made.iterdir():
            (damaged / part.name).write_bytes(part.read_bytes())
        dump = bytearray((damaged / "database.dump").read_bytes())
        dump[len(dump) // 2] ^= 0xFF
        (damaged / "database.dump").write_bytes(bytes(dump))
        refused = run(["scripts/restore", str(damaged)], target)
        assert refused.returncode != 0
        assert "database.dump is damaged" in refused.stderr
        assert run(["scripts/restore", "--check", str(damaged)], target).returncode != 0
        assert "intact" in ok(run(["scripts/restore", "--check", made.name], target))

        ok(run([sys.executable, "manage.py", "migrate", "--no-input", "-v0"], target))
        (tmp_path / "target" / "media").mkdir(parents=True)
        (tmp_path / "target" / "media" / "kept.txt").write_text("newer than the backup")
        refused = run(["scripts/restore", made.name], target)
        assert refused.returncode != 0
        assert "Refusing to restore over existing data" in refused.stderr
        assert (tmp_path / "target" / "media" / "kept.txt").exists()

        ok(run(["scripts/restore", "--force", made.name], target))
        assert tables(target) == tables(source)
        assert files(tmp_path / "target" / "media") == {}


@pytest.mark.slow
@needs_postgresql
def test_backup_keeps_the_newest_sets_and_removes_the_rest(tmp_path):
    with empty_databases("source") as url:
        source = site_env(tmp_path, "source", url["source"], BACKUP_KEEP="2")
        ok(run([sys.executable, "manage.py", "migrate", "--no-input", "-v0"], source))
        ok(run(["scripts/backup"], source))
        older = backup_sets(tmp_path)
        for stamp in ("20250101-000000", "20250201-000000", "20250301-000000"):
            copy = tmp_path / "backups" / f"forsamling-{stamp}"
            copy.mkdir()
            (copy / "manifest.json").write_text("{}")
        (tmp_path / "backups" / "notes.txt").write_text("not a set: left alone")

        written = ok(run(["scripts/backup"], source))

        kept = [p.name for p in backup_sets(tmp_path)]
        assert len(kept) == 2
        assert kept[0] == older[0].name
        assert "Removed old backup: forsamling-20250101-000000" in written
        assert (tmp_path / "backups" / "notes.txt").exists()


def test_backup_refuses_sqlite_and_says_how_the_demo_is_backed_up(tmp_path):
    env = site_env(tmp_path, "demo", f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    refused = run(["scripts/backup"], env)
    assert refused.returncode != 0
    assert "Backups need PostgreSQL" in refused.stderr
    assert "copying the var/ folder" in refused.stderr
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())
