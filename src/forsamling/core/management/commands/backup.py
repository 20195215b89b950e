"""`manage.py backup` (what `scripts/backup` runs): a new backup set, then the old ones pruned.

BACKUP_DIR is the folder (default var/backups/), BACKUP_KEEP the sets kept (default 14).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from forsamling.core import backups


class Command(BaseCommand):
    help = (
        "Backs up the PostgreSQL database (pg_dump -Fc) and the media folder into one "
        "timestamped set in BACKUP_DIR, keeping the newest BACKUP_KEEP sets."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(os.environ.get("BACKUP_DIR") or Path(settings.VAR_DIR) / "backups")
        keep_text = os.environ.get("BACKUP_KEEP") or "14"
        if not keep_text.isdigit():
            raise CommandError(f"BACKUP_KEEP must be a whole number, not {keep_text!r}.")
        try:
            made = backups.make_backup(folder=backups.backup_folder(folder), keep=int(keep_text))
        except (backups.BackupError, OSError) as error:
            raise CommandError(f"Backup failed: {error}") from error
        self.stdout.write(f"Backup written: {made.path}")
        for name in made.removed:
            self.stdout.write(f"Removed old backup: {name}")
