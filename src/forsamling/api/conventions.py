"""The conventions of pretix's and pretalx's APIs: pagination, `?changed_since=`, `?expand=`,
and ETags on the public resources."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response


class Pagination(PageNumberPagination):
    """`count`, `next`, `previous`, `results`; `?page=` and `?page_size=` (at most 200)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


CHANGED_SINCE = OpenApiParameter(
    "changed_since",
    OpenApiTypes.DATETIME,
    description=(
        "Only what changed at or after this moment (ISO 8601 with a time zone, e.g. "
        "2026-03-01T10:00:00+01:00). Poll with the moment of your previous request."
    ),
)


def changed_since(request: Request) -> datetime | None:
    """The `changed_since` moment asked for, or None; a 400 when it is not a moment."""
    raw = request.query_params.get("changed_since")
    if raw is None or raw == "":
        return None
    try:
        moment = parse_datetime(raw.strip())
    except ValueError:
        moment = None
    if moment is None:
        raise ValidationError(
            {"changed_since": [_("Skriv et tidspunkt som 2026-03-01T10:00:00+01:00.")]}
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def filter_changed(queryset: QuerySet[Any], request: Request, field: str) -> QuerySet[Any]:
    moment = changed_since(request)
    return queryset if moment is None else queryset.filter(**{f"{field}__gte": moment})


def expansions(request: Request, allowed: tuple[str, ...]) -> set[str]:
    """`?expand=a,b` (or `?expand=a&expand=b`): the related objects to nest instead of ids."""
    wanted = {
        part.strip()
        for value in request.query_params.getlist("expand")
        for part in value.split(",")
        if part.strip()
    }
    unknown = wanted - set(allowed)
    if unknown:
        raise ValidationError(
            {"expand": [_("Kan udvide: %(allowed)s.") % {"allowed": ", ".join(allowed)}]}
        )
    return wanted


def expand_parameter(*allowed: str) -> OpenApiParameter:
    return OpenApiParameter(
        "expand",
        str,
        enum=list(allowed),
        many=True,
        explode=False,
        description="Related objects to nest in full instead of their ids.",
    )


class ETagMixin:
    """A strong ETag on every successful read (a hash of the body), and 304 Not Modified when
    `If-None-Match` names it: a client polling an unchanged programme costs one hash."""

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:40]}"'
        response["ETag"] = etag
        response.setdefault("Cache-Control", "no-cache")
        patched = response.get("Vary", "")
        if "Authorization" not in patched:
            response["Vary"] = ", ".join(v for v in (patched, "Authorization") if v)
        return get_conditional_response(request._request, etag=etag, response=response)
