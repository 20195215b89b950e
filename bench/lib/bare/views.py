"""The bare endpoint: one conditional UPDATE of a counter row and one INSERT, in one
transaction, behind Django's stock middleware. No forms, templates or ORM models: the floor
a registration's POST is compared with.

And the empty endpoint: the same request through gunicorn and the same middleware, with nothing
to do. Its cost is what any one request costs on this stack, the floor under each of the
full path's requests (`bench/lib/rush_check.floors`)."""

from __future__ import annotations

from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from bench.lib.bare import schema


@csrf_exempt  # the client posts without a form first; the middleware still runs
def take(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    email = request.POST.get("email", "")
    if not email:
        return HttpResponse("email missing", status=400)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(schema.TAKE, [schema.COUNTER_ID])
        confirmed = cursor.rowcount == 1
        cursor.execute(schema.INSERT, [schema.COUNTER_ID, email, confirmed, timezone.now()])
        entry = cursor.fetchone()[0]
    return HttpResponse(f"{entry} {'confirmed' if confirmed else 'waiting'}")


@csrf_exempt  # as `take`: the middleware still runs
def empty(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")
