#!/bin/sh
# The container's entrypoint (deploy/Containerfile), also usable outside a container:
#   entrypoint.sh web      migrate (one container at a time), then gunicorn on 0.0.0.0:$PORT
#   entrypoint.sh worker   migrate, then the background worker (db_worker)
#   entrypoint.sh jobs     the nightly jobs: retention (and its hourly run queued), survey
#                          reminders, old sessions
#   entrypoint.sh migrate  only the migrations
#   entrypoint.sh manage … any manage.py command; anything else is run as it is.
# FORSAMLING_MIGRATE=0 skips the migrations before web and worker.
set -eu
APP_DIR="${FORSAMLING_APP_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
PY="${PYTHON:-$APP_DIR/.venv/bin/python}"
cd "$APP_DIR"

migrate() {
  # Several containers start at once: a PostgreSQL advisory lock lets one migrate at a time
  # (the others then find nothing to do). The database may still be starting: try for a minute.
  tries=0
  until "$PY" manage.py shell -c '
from django.core.management import call_command
from django.db import connection
with connection.cursor() as cursor:
    if connection.vendor == "postgresql":
        cursor.execute("SELECT pg_advisory_lock(4711)")
    call_command("migrate", interactive=False, verbosity=1)
'; do
    tries=$((tries + 1))
    [ "$tries" -lt "${FORSAMLING_MIGRATE_TRIES:-30}" ] || { echo "migrate failed" >&2; exit 1; }
    sleep 2
  done
}

command="${1:-web}"
[ $# -gt 0 ] && shift
case "$command" in
  web)
    [ "${FORSAMLING_MIGRATE:-1}" = "0" ] || migrate
    cd src
    exec "$APP_DIR/.venv/bin/gunicorn" forsamling.wsgi --bind "0.0.0.0:${PORT:-8000}" \
      --workers "${GUNICORN_WORKERS:-4}" --worker-class sync --preload --backlog 2048 \
      --timeout 60 --graceful-timeout 20 --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-*}" \
      --no-control-socket --access-logfile - "$@"
    ;;
  worker)
    [ "${FORSAMLING_MIGRATE:-1}" = "0" ] || migrate
    exec "$PY" manage.py db_worker --no-reload "$@"
    ;;
  jobs)
    "$PY" manage.py apply_retention --schedule
    "$PY" manage.py send_survey_reminders
    exec "$PY" manage.py clearsessions
    ;;
  migrate) migrate ;;
  manage) exec "$PY" manage.py "$@" ;;
  *) exec "$command" "$@" ;;
esac
