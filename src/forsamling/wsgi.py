"""WSGI entry point: `gunicorn forsamling.wsgi` with src/ on the path."""

import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forsamling.settings")
application = get_wsgi_application()

# Import every view now rather than in a worker's first request (the URLconf pulls in
# WeasyPrint, openpyxl and the rest, about a second): with `gunicorn --preload` once, in the
# master, before the workers are forked; without it, as each worker starts.
get_resolver().url_patterns  # noqa: B018
