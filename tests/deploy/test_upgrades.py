"""Upgrades: the migrations match the models, each app's migrations end in one leaf (a parallel
branch's first migration depends on the other's last before a release; no empty merge
migration), and each app's newest migration can be unapplied and applied again (README,
"Upgrades")."""

from __future__ import annotations

import io
import json
import sys
from collections import defaultdict

import pytest
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader

from tests.deploy.postgres import empty_databases, needs_postgresql
from tests.deploy.sites import ok, run, site_env


@pytest.mark.django_db
def test_the_models_have_no_change_without_a_migration():
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, verbosity=1)
    except SystemExit:
        pytest.fail(f"makemigrations would write migrations:\n{out.getvalue()}")


def test_every_app_has_one_newest_migration():
    """Two leaves in one app (two branches merged in git, each with its migration) make
    `migrate` stop; the later branch's first migration then depends on the other's last."""
    leaves = defaultdict(list)
    for app, name in MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes():
        leaves[app].append(name)
    assert {app: names for app, names in leaves.items() if len(names) > 1} == {}


def test_no_migration_is_an_empty_merge():
    """An empty merge is a step that does nothing; the branch it joins is put in order instead
    (CHANGELOG, "Upgrading from 0.3")."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    empty_merges = [
        key
        for key, migration in loader.disk_migrations.items()
        if not migration.operations and sum(app == key[0] for app, _ in migration.dependencies) > 1
    ]
    assert empty_merges == []


@pytest.mark.slow
@needs_postgresql
def test_each_apps_newest_migration_can_be_unapplied_and_applied_again(tmp_path):
    with empty_databases("upgrade") as url:
        env = site_env(tmp_path, "upgrade", url["upgrade"])
        result = json.loads(
            ok(run([sys.executable, "-m", "tests.deploy.migration_round_trip"], env))
        )
    assert result["irreversible"] == {}
    assert result["round_tripped"] == result["apps"]
    assert {"registration", "invoicing", "privacy"} <= set(result["apps"])
    assert result["schema_unchanged"]
