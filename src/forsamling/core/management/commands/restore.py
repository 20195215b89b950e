"""`manage.py restore [--force] [--check] SET` (what `scripts/restore` runs)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from forsamling.core import backups


class Command(BaseCommand):
    help = (
        "Restores a backup set (its folder, or its name in BACKUP_DIR) into DATABASE_URL's "
        "database and MEDIA_ROOT after checking its SHA-256 sums, then migrates it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("set", metavar="SET")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database's tables and the media folder's files if there are any.",
        )
        parser.add_argument(
            "--check", action="store_true", help="Only check the set's sums; restore nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(os.environ.get("BACKUP_DIR") or Path(settings.VAR_DIR) / "backups")
        try:
            path = backups.find_set(options["set"], folder)
            if options["check"]:
                manifest = backups.verify(path)
                self.stdout.write(f"{path}: intact (made {manifest['created_at']}).")
                return
            counts = backups.restore(path=path, force=options["force"], out=self.stdout)
        except (backups.BackupError, OSError) as error:
            raise CommandError(f"Restore failed: {error}") from error
        self.stdout.write(f"Restored {path}. Rows per table:")
        for label, count in sorted(counts.items()):
            if count:
                self.stdout.write(f"  {label}: {count}")
