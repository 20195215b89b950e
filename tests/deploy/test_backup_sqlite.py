"""scripts/backup on the embedded SQLite database: refused, with what to do instead."""

from __future__ import annotations

from tests.deploy.sites import run, site_env


def test_backup_refuses_sqlite_and_says_how_the_demo_is_backed_up(tmp_path):
    env = site_env(tmp_path, "demo", f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    refused = run(["scripts/backup"], env)
    assert refused.returncode != 0
    assert "Backups need PostgreSQL" in refused.stderr
    assert "copying the var/ folder" in refused.stderr
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())
