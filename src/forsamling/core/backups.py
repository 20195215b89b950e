"""Backups of the PostgreSQL database and the media folder, and their restore.

A backup set is one directory in the backup folder, `forsamling-YYYYmmdd-HHMMSS` (UTC):

    database.dump   pg_dump's custom format (-Fc) of DATABASE_URL's database
    media.tar.gz    the media folder (MEDIA_ROOT): uploads and the invoices as they were sent
    manifest.json   the files' SHA-256 sums and sizes, the app's version, the migrations applied

The set is written under a hidden temporary name and renamed into place when complete, so a
set that exists is whole. Backups hold personal data: folders are 0700, files 0600.

Only PostgreSQL is backed up. The embedded SQLite database is the demo's: stop the site and
copy `var/` (database, its -wal file and media) instead.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
PREFIX = "forsamling-"
SET_NAME = re.compile(r"^forsamling-\d{8}-\d{6}$")
DUMP = "database.dump"
MEDIA = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class Made:
    path: Path
    removed: list[str]


def require_postgresql() -> dict[str, Any]:
    database: dict[str, Any] = dict(settings.DATABASES["default"])
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError(
            "Backups need PostgreSQL (set DATABASE_URL=postgres://…); this site uses "
            f"{database['ENGINE'].rsplit('.', 1)[-1]}. The embedded SQLite database is the "
            "demo's: back it up by stopping the site and copying the var/ folder."
        )
    return database


def libpq_environment(database: dict[str, Any]) -> dict[str, str]:
    """pg_dump, pg_restore and psql reach the database Django uses, without a password on
    their command line (where `ps` would show it)."""
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    for option, variable in (
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
    ):
        if database.get("OPTIONS", {}).get(option):
            env[variable] = str(database["OPTIONS"][option])
    return env


def program(name: str) -> str:
    """`PG_BIN` (e.g. /usr/lib/postgresql/15/bin) if set, else the PATH's."""
    folder = os.environ.get("PG_BIN")
    found = str(Path(folder) / name) if folder else shutil.which(name)
    if not found or not os.access(found, os.X_OK):
        raise BackupError(f"{name} not found: install postgresql-client-15 or set PG_BIN.")
    return found


def run(arguments: list[str], env: dict[str, str]) -> str:
    """Runs a PostgreSQL program (found by `program`) with arguments made here, no shell."""
    done = subprocess.run(  # noqa: S603
        arguments, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        message = (done.stderr or done.stdout).strip()
        raise BackupError(f"{Path(arguments[0]).name} failed ({done.returncode}): {message}")
    return done.stdout


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def app_version() -> dict[str, str]:
    """The version in pyproject.toml, and the git commit when the code is a checkout."""
    version: dict[str, str] = {}
    pyproject = Path(settings.BASE_DIR) / "pyproject.toml"
    if pyproject.exists():
        version["version"] = tomllib.loads(pyproject.read_text())["project"]["version"]
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        commit = subprocess.run(  # noqa: S603
            ["git", "-C", str(settings.BASE_DIR), "rev-parse", "HEAD"],  # noqa: S607
            capture_output=True, text=True, check=True, timeout=10,
        ).stdout.strip()  # fmt: skip
        version["commit"] = commit
    return version


def server_version() -> str:
    connection.ensure_connection()
    version = connection.pg_version  # type: ignore[attr-defined]
    return f"{version // 10000}.{version % 10000}"


def applied_migrations() -> dict[str, str]:
    """Each app's newest applied migration: the schema the dump has."""
    newest: dict[str, str] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        newest[app] = max(newest.get(app, name), name)
    return newest


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """One backup or prune at a time in a folder (a slow run and the next cron run)."""
    with (folder / ".lock").open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BackupError(f"Another backup is running in {folder}.") from None
        yield


def backup_folder(path: str | os.PathLike[str]) -> Path:
    folder = Path(path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def make_backup(*, folder: Path, keep: int, now: datetime | None = None) -> Made:
    """Writes a new set, then removes all but the newest `keep` sets."""
    if keep < 1:
        raise BackupError("BACKUP_KEEP must be at least 1.")
    database = require_postgresql()
    env = libpq_environment(database)
    now = now or datetime.now(UTC)
    name = f"{PREFIX}{now:%Y%m%d-%H%M%S}"
    old_umask = os.umask(0o077)
    try:
        with locked(folder):
            for stale in folder.glob(".tmp-*"):  # a run that died: personal data, no use
                shutil.rmtree(stale, ignore_errors=True)
            if (folder / name).exists():
                raise BackupError(f"{folder / name} exists already.")
            work = Path(tempfile.mkdtemp(prefix=f".tmp-{name}-", dir=folder))
            try:
                _write_set(work, name, now, env)
                os.chmod(work, 0o700)
                work.rename(folder / name)
                _fsync_folder(folder)  # the rename itself survives a crash
            except BaseException:
                shutil.rmtree(work, ignore_errors=True)
                raise
            removed = prune(folder, keep)
    finally:
        os.umask(old_umask)
    return Made(path=folder / name, removed=removed)


def _write_set(work: Path, name: str, now: datetime, env: dict[str, str]) -> None:
    # The database first, then the media: a file the dump names was written before its row.
    run([program("pg_dump"), "--format=custom", "--file", str(work / DUMP)], env)
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(work / MEDIA, "w:gz") as tar:
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                tar.add(path, arcname=str(path.relative_to(media_root)), recursive=False)
    manifest = {
        "format": FORMAT,
        "name": name,
        "created_at": now.isoformat(timespec="seconds"),
        "app": app_version(),
        "database": {
            "name": settings.DATABASES["default"]["NAME"],
            "server_version": server_version(),
            "pg_dump": run([program("pg_dump"), "--version"], env).strip(),
        },
        "migrations": applied_migrations(),
        "media_root": str(media_root),
        "files": {
            file: {"sha256": sha256(work / file), "bytes": (work / file).stat().st_size}
            for file in (DUMP, MEDIA)
        },
    }
    (work / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    for file in (DUMP, MEDIA, MANIFEST):
        os.chmod(work / file, 0o600)
        with (work / file).open("rb") as written:
            os.fsync(written.fileno())


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def sets(folder: Path) -> list[Path]:
    """The folder's complete sets, oldest first (their names sort by time)."""
    return sorted(p for p in folder.iterdir() if p.is_dir() and SET_NAME.match(p.name))


def prune(folder: Path, keep: int) -> list[str]:
    old = sets(folder)[:-keep]
    for path in old:
        shutil.rmtree(path)
    return [path.name for path in old]


def find_set(name: str, folder: Path) -> Path:
    """A set given by its path, or by its name in the backup folder."""
    for candidate in (Path(name), folder / name):
        if (candidate / MANIFEST).is_file():
            return candidate
    raise BackupError(f"No backup set {name!r} (no {MANIFEST} there, nor in {folder}/{name}).")


def verify(path: Path) -> dict[str, Any]:
    """The set's manifest, once every file's SHA-256 sum and size match it."""
    try:
        manifest = json.loads((path / MANIFEST).read_text())
        files = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BackupError(f"{path / MANIFEST} cannot be read: {error}") from error
    if manifest.get("format") != FORMAT or set(files) != {DUMP, MEDIA}:
        raise BackupError(f"{path} is not a backup set this version can restore.")
    for file, expected in sorted(files.items()):
        if not (path / file).is_file():
            raise BackupError(f"{path / file} is missing.")
        if sha256(path / file) != expected["sha256"]:
            raise BackupError(
                f"{path / file} is damaged: its SHA-256 sum differs from the manifest's."
            )
    return dict(manifest)


def restore(*, path: Path, force: bool, out: Any) -> dict[str, int]:
    """Restores a verified set into DATABASE_URL's database and MEDIA_ROOT, migrates it to
    this release's schema and returns the rows per model (and the media files)."""
    manifest = verify(path)
    env = libpq_environment(require_postgresql())
    _refuse_newer_schema(manifest.get("migrations", {}))
    media_root = Path(settings.MEDIA_ROOT)
    relations = _relations()
    media_files = media_root.is_dir() and any(media_root.iterdir())
    if (relations or media_files) and not force:
        raise BackupError(
            "Refusing to restore over existing data: "
            + ", ".join(
                ([f"the database has {len(relations)} tables"] if relations else [])
                + ([f"{media_root} is not empty"] if media_files else [])
            )
            + ". Restore into an empty database and media folder, or pass --force to replace "
            "them."
        )
    if relations:
        _empty_public_schema()
    connection.close()  # pg_restore works alone
    out.write(f"Restoring the database from {path / DUMP} …")
    run(
        [
            program("pg_restore"),
            "--no-owner",  # the tables become the restoring user's, whoever owned them before
            "--no-privileges",  # grants to roles this server may not have
            "--exit-on-error",
            "--single-transaction",  # all or nothing
            "--dbname",
            str(settings.DATABASES["default"]["NAME"]),
            str(path / DUMP),
        ],
        env,
    )
    out.write(f"Restoring the media into {media_root} …")
    _restore_media(path / MEDIA, media_root)
    out.write("Migrating to this release's schema …")
    call_command("migrate", interactive=False, verbosity=1, stdout=out)
    counts = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }
    counts["media files"] = sum(1 for p in media_root.rglob("*") if p.is_file())
    return counts


def _refuse_newer_schema(migrations: dict[str, str]) -> None:
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = sorted(
        f"{app}.{name}" for app, name in migrations.items() if (app, name) not in known
    )
    if unknown:
        raise BackupError(
            "The backup comes from a newer release (migrations this code does not have: "
            f"{', '.join(unknown)}). Install that release, then restore."
        )


def _relations() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT n.nspname || '.' || c.relname FROM pg_class c
               JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                 AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                 AND n.nspname NOT LIKE 'pg\\_%'"""
        )
        return [row[0] for row in cursor.fetchall()]


def _empty_public_schema() -> None:
    """--force: everything in the `public` schema goes, with the schema, which is made anew."""
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    if left := _relations():
        raise BackupError(f"Tables outside the public schema remain: {', '.join(left)}.")


def _restore_media(archive: Path, media_root: Path) -> None:
    """Unpacks beside the media folder, then swaps it in: never half a media folder."""
    media_root.parent.mkdir(parents=True, exist_ok=True)
    incoming = Path(
        tempfile.mkdtemp(prefix=f".{media_root.name}.restoring-", dir=media_root.parent)
    )
    try:
        with tarfile.open(archive) as tar:
            tar.extractall(incoming, filter="data")  # no absolute paths, links out, devices
        os.chmod(incoming, media_root.stat().st_mode & 0o777 if media_root.exists() else 0o755)
        if media_root.exists():
            old = media_root.with_name(f".{media_root.name}.replaced-{os.getpid()}")
            media_root.rename(old)
            incoming.rename(media_root)
            shutil.rmtree(old)
        else:
            incoming.rename(media_root)
    except BaseException:
        shutil.rmtree(incoming, ignore_errors=True)
        raise
