"""Each of our apps' newest migration, unapplied and applied again, on the database the
environment names (run in its own process by tests/deploy/test_upgrades.py):

    python -m tests.deploy.migration_round_trip    prints what happened, as JSON
"""

from __future__ import annotations

import json
import sys
from typing import Any


def schema() -> dict[str, Any]:
    """Every table's columns and constraints, as the database describes them."""
    from django.db import connection

    with connection.cursor() as cursor:
        introspection = connection.introspection
        return {
            table: {
                "columns": sorted(
                    (c.name, c.type_code, c.null_ok, str(c.default))
                    for c in introspection.get_table_description(cursor, table)
                ),
                "constraints": sorted(
                    (name, json.dumps(value, sort_keys=True, default=str))
                    for name, value in introspection.get_constraints(cursor, table).items()
                ),
            }
            for table in sorted(introspection.table_names(cursor))
        }


def round_trip() -> dict[str, Any]:
    # Imported here, once __main__ has set Django up with the environment's settings.
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    call_command("migrate", interactive=False, verbosity=0)
    before = schema()
    ours = sorted(c.label for c in apps.get_app_configs() if c.name.startswith("forsamling."))
    done, irreversible, with_migrations = [], {}, []
    for app in ours:
        executor = MigrationExecutor(connection)
        leaves = executor.loader.graph.leaf_nodes(app)
        if not leaves:  # an app without models
            continue
        [leaf] = leaves
        with_migrations.append(app)
        parents = sorted(p for p in executor.loader.graph.node_map[leaf].parents if p[0] == app)
        target = parents[0][1] if parents else "zero"
        plan = executor.migration_plan([(app, None if target == "zero" else target)])
        blocked = [
            f"{m.app_label}.{m.name}"
            for m, backwards in plan
            if backwards and not all(op.reversible for op in m.operations)
        ]
        if blocked:
            irreversible[f"{app}.{leaf[1]}"] = blocked
            continue
        call_command("migrate", app, target, interactive=False, verbosity=0)
        call_command("migrate", interactive=False, verbosity=0)
        done.append(app)
    return {
        "apps": with_migrations,
        "round_tripped": done,
        "irreversible": irreversible,
        "schema_unchanged": schema() == before,
    }


if __name__ == "__main__":
    import django

    django.setup()
    json.dump(round_trip(), sys.stdout, indent=2, ensure_ascii=False)
