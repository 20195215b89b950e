"""scripts/backup and scripts/restore against a real PostgreSQL 15: a conference's
registrations, invoices and files come back byte for byte in an empty database."""

from __future__ import annotations

import json
import stat
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.deploy.postgres import empty_databases, needs_postgresql
from tests.deploy.sites import ok, run, site_env


def tables(env: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    return json.loads(ok(run([sys.executable, "-m", "tests.deploy.scene", "summary"], env)))


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def backup_sets(tmp_path: Path) -> list[Path]:
    return sorted(p for p in (tmp_path / "backups").iterdir() if p.name.startswith("forsamling-"))


pytestmark = [pytest.mark.slow, needs_postgresql]


@pytest.fixture(scope="module")
def backed_up(tmp_path_factory):
    """A conference in a source database, backed up once by scripts/backup (the machine is
    slow and shared: every Django process and migration counts)."""
    tmp_path = tmp_path_factory.mktemp("site")
    with empty_databases("source") as url:
        source = site_env(tmp_path, "source", url["source"])
        ok(run([sys.executable, "-m", "tests.deploy.scene", "fill"], source))
        written = ok(run(["scripts/backup"], source))
        [made] = backup_sets(tmp_path)
        assert f"Backup written: {made}" in written
        yield SimpleNamespace(
            tmp_path=tmp_path,
            source=source,
            set=made,
            tables=tables(source),
            media=files(tmp_path / "source" / "media"),
        )


def test_a_backup_set_is_private_and_says_what_it_holds(backed_up):
    made = backed_up.set
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in made.iterdir()} == {
        "database.dump": 0o600, "media.tar.gz": 0o600, "manifest.json": 0o600,
    }  # fmt: skip
    manifest = json.loads((made / "manifest.json").read_text())
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    assert manifest["app"]["version"] == tomllib.loads(pyproject.read_text())["project"]["version"]
    assert manifest["database"]["server_version"].startswith("15.")
    assert manifest["migrations"]["invoicing"].startswith("00")
    assert set(manifest["files"]) == {"database.dump", "media.tar.gz"}


def test_a_backup_restores_into_an_empty_database_with_the_same_rows_and_files(backed_up, tmp_path):
    with empty_databases("target") as url:
        target = site_env(tmp_path, "target", url["target"], BACKUP_DIR=str(backed_up.set.parent))

        restored = ok(run(["scripts/restore", backed_up.set.name], target))

        after = tables(target)
    assert after == backed_up.tables
    numbers = [invoice["number"] for invoice in after["invoicing.Invoice"]]
    assert numbers == ["FORUM2026-0001", "FORUM2026-0002", "FORUM2026-0003", "FORUM2026-0004"]
    prices = {line["unit_price"] for line in after["invoicing.InvoiceLine"]}
    assert {"3995.00", "12500.00"} <= prices
    assert [r["name"] for r in after["registration.Registration"]] == [
        "Aase Ørum", "Bo Andersen", "Øline Ås",
    ]  # fmt: skip
    assert "registration.Registration: 3" in restored
    assert "invoicing.Invoice: 4" in restored
    assert files(tmp_path / "target" / "media") == backed_up.media
    sent = {invoice["sent_file"] for invoice in after["invoicing.Invoice"]}
    logo = after["exhibitors.Exhibitor"][0]["logo"]
    assert sent | {logo} == set(backed_up.media)  # every file the rows name, and only those
    assert {name.rsplit(".", 1)[-1] for name in sent} == {"xml", "pdf"}


def test_a_damaged_set_is_refused(backed_up, tmp_path):
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for part in backed_up.set.iterdir():
        (damaged / part.name).write_bytes(part.read_bytes())
    dump = bytearray((damaged / "database.dump").read_bytes())
    dump[len(dump) // 2] ^= 0xFF
    (damaged / "database.dump").write_bytes(bytes(dump))
    target = site_env(tmp_path, "target", backed_up.source["DATABASE_URL"])

    refused = run(["scripts/restore", str(damaged)], target)

    assert refused.returncode != 0
    assert "database.dump is damaged" in refused.stderr
    assert run(["scripts/restore", "--check", str(damaged)], target).returncode != 0
    assert "intact" in ok(run(["scripts/restore", "--check", str(backed_up.set)], target))


def test_a_set_from_a_newer_release_is_refused(backed_up, tmp_path):
    newer = tmp_path / "newer"
    newer.mkdir()
    for part in backed_up.set.iterdir():
        (newer / part.name).write_bytes(part.read_bytes())
    manifest = json.loads((newer / "manifest.json").read_text())
    manifest["migrations"]["registration"] = "9999_from_the_future"
    (newer / "manifest.json").write_text(json.dumps(manifest))
    with empty_databases("target") as url:
        target = site_env(tmp_path, "target", url["target"])

        refused = run(["scripts/restore", str(newer)], target)

    assert refused.returncode != 0
    assert "newer release" in refused.stderr
    assert "registration.9999_from_the_future" in refused.stderr
    assert not (tmp_path / "target" / "media").exists()


def test_restore_over_existing_data_needs_force(backed_up, tmp_path):
    with empty_databases("target") as url:
        target = site_env(tmp_path, "target", url["target"])
        ok(run(["scripts/restore", str(backed_up.set)], target))
        newer = tmp_path / "target" / "media" / "newer.txt"
        newer.write_text("written after the backup")

        refused = run(["scripts/restore", str(backed_up.set)], target)

        assert refused.returncode != 0
        assert "Refusing to restore over existing data: the database has" in refused.stderr
        assert newer.exists()
        ok(run(["scripts/restore", "--force", str(backed_up.set)], target))
        assert tables(target) == backed_up.tables
    assert files(tmp_path / "target" / "media") == backed_up.media


def test_backup_keeps_the_newest_sets_and_removes_the_rest(backed_up, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for stamp in ("20250101-000000", "20250201-000000", "20250301-000000"):
        (folder / f"forsamling-{stamp}").mkdir()
    (folder / "notes.txt").write_text("not a set: left alone")
    (folder / ".tmp-forsamling-20250401-000000-died").mkdir()  # a run that was killed
    source = {**backed_up.source, "BACKUP_DIR": str(folder), "BACKUP_KEEP": "2"}

    written = ok(run(["scripts/backup"], source))

    kept = [p.name for p in backup_sets(tmp_path)]
    assert kept[0] == "forsamling-20250301-000000"
    assert len(kept) == 2
    assert "Removed old backup: forsamling-20250101-000000" in written
    assert "Removed old backup: forsamling-20250201-000000" in written
    assert (folder / "notes.txt").exists()
    assert not (folder / ".tmp-forsamling-20250401-000000-died").exists()


def test_a_failed_backup_says_why_and_leaves_no_set(backed_up, tmp_path):
    gone = backed_up.source["DATABASE_URL"].rsplit("/", 1)[0] + "/no_such_database"
    source = {**backed_up.source, "DATABASE_URL": gone, "BACKUP_DIR": str(tmp_path / "backups")}

    failed = run(["scripts/backup"], source)

    assert failed.returncode != 0
    assert "Backup failed: pg_dump failed" in failed.stderr
    assert 'database "no_such_database" does not exist' in failed.stderr
    assert list((tmp_path / "backups").iterdir()) == [tmp_path / "backups" / ".lock"]
