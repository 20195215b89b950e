"""gunicorn's settings file for production: `gunicorn -c python:forsamling.ops.gunicorn_conf`.

With PROMETHEUS_MULTIPROC_DIR set, each worker writes its request metrics to files in that
directory and a scrape adds them up; `child_exit` removes a dead worker's live gauges (the
counters it wrote stay counted). The directory must exist and be emptied before gunicorn
starts (e.g. `rm -rf "$PROMETHEUS_MULTIPROC_DIR"/*` in the start script): files of an earlier
run would otherwise be added to this one's.

The access log is the application's own (one JSON line per request with its request id,
`forsamling.ops.middleware`), so gunicorn's stays off; other settings (workers, bind) come from
the command line or GUNICORN_CMD_ARGS as usual.
"""

from __future__ import annotations

import os
from typing import Any

from prometheus_client import multiprocess

wsgi_app = "forsamling.wsgi:application"
accesslog = None  # gunicorn's default, said aloud: the application writes its own


def child_exit(server: Any, worker: Any) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)
