"""The public half of /api/v1/: editions, the published programme, exhibitors.

Read-only, for anyone, with ETags (`If-None-Match` answers 304). Lists are paginated
(`count/next/previous/results`); an edition not on the site is not found (except for a token of
its own that reads the programme).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from functools import cached_property
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import GenericAPIView, ListAPIView, RetrieveAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from forsamling.api import queries
from forsamling.api.conventions import (
    CHANGED_SINCE,
    ETagMixin,
    expand_parameter,
    expansions,
    filter_changed,
)
from forsamling.api.permissions import PublicEdition
from forsamling.api.serializers import (
    EditionSerializer,
    ErrorSerializer,
    ExhibitorSerializer,
    ProgrammeSerializer,
    RoomSerializer,
    SessionSerializer,
    SpeakerSerializer,
    TrackSerializer,
)
from forsamling.conferences.models import Edition
from forsamling.domain.stands import StandStatus
from forsamling.exhibitors.models import Exhibitor, Stand

EDITION = OpenApiParameter(
    "edition", str, OpenApiParameter.PATH, description="The edition's slug, e.g. 2026."
)
NOT_FOUND = {404: ErrorSerializer}


class EditionScoped:
    """A view under /editions/<slug>/: the edition, found once per request."""

    kwargs: dict[str, Any]

    @cached_property
    def edition(self) -> Edition:
        return get_object_or_404(Edition, slug=self.kwargs.get("edition", ""))


def _with_version(editions: list[Edition]) -> list[Edition]:
    for edition in editions:
        edition.programme_version = queries.programme_version_number(edition)  # type: ignore[attr-defined]
    return editions


@extend_schema(tags=["Public"], parameters=[CHANGED_SINCE])
class EditionList(ETagMixin, ListAPIView):
    """The editions on the site, newest first."""

    serializer_class = EditionSerializer

    def get_queryset(self) -> QuerySet[Edition]:
        editions = Edition.objects.public().order_by("-start_date", "id")
        return filter_changed(editions, self.request, "updated_at")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None
        return self.get_paginated_response(
            self.get_serializer(_with_version(list(page)), many=True).data
        )


@extend_schema(
    tags=["Public"], parameters=[EDITION], responses={200: EditionSerializer, **NOT_FOUND}
)
class EditionDetail(ETagMixin, EditionScoped, RetrieveAPIView):
    serializer_class = EditionSerializer
    permission_classes = [PublicEdition]

    def get_object(self) -> Edition:
        return _with_version([self.edition])[0]


class ProgrammeView(ETagMixin, EditionScoped, GenericAPIView):
    permission_classes = [PublicEdition]

    @cached_property
    def programme(self) -> queries.PublishedProgramme | None:
        return queries.published_programme(self.edition)

    def published(self) -> queries.PublishedProgramme:
        if self.programme is None:
            raise Http404(_("Programmet er ikke offentliggjort endnu."))
        return self.programme


@extend_schema(
    tags=["Public"], parameters=[EDITION], responses={200: ProgrammeSerializer, **NOT_FOUND}
)
class Programme(ProgrammeView):
    """The whole published programme: days, items (with a theme block's talks), sessions with
    their seats left now, and the speakers, rooms and tracks it names."""

    serializer_class = ProgrammeSerializer
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        programme = self.published()
        data = {
            "edition": self.edition.slug,
            "version": programme.version.number,
            "published_at": programme.version.published_at,
            "moderator": programme.version.snapshot.get("moderator"),
            "days": programme.days,
            "speakers": programme.speakers,
            "rooms": programme.rooms,
            "tracks": programme.tracks,
        }
        return Response(self.get_serializer(data).data)


class ProgrammeList(ProgrammeView, ABC):
    """A paginated list out of the published programme (empty before the first version); each
    list below says which rows."""

    @abstractmethod
    def rows(self) -> list[dict[str, Any]]:
        """The list's rows out of `self.programme`."""

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        rows = self.rows() if self.programme is not None else []
        page = self.paginate_queryset(rows)
        assert page is not None
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(
    tags=["Public"],
    parameters=[
        EDITION,
        OpenApiParameter("date", str, description="Only this day (YYYY-MM-DD)."),
        OpenApiParameter("room", str, description="Only sessions in this room (its id)."),
        expand_parameter("speakers", "room"),
    ],
    responses={200: SessionSerializer(many=True), **NOT_FOUND},
)
class Sessions(ProgrammeList):
    """Every session of the published programme, with its slot's day and times and the seats
    left now."""

    serializer_class = SessionSerializer

    def rows(self) -> list[dict[str, Any]]:
        assert self.programme is not None
        expand = expansions(self.request, ("speakers", "room"))
        sessions = self.programme.sessions
        if date := self.request.query_params.get("date"):
            sessions = [s for s in sessions if s["date"] == date]
        if room := self.request.query_params.get("room"):
            sessions = [s for s in sessions if s["room"] == room]
        speakers = {s["id"]: s for s in self.programme.speakers}
        rooms = {r["id"]: r for r in self.programme.rooms}
        if "speakers" in expand:
            sessions = [
                {**s, "speakers": [speakers[k] for k in s["speakers"] if k in speakers]}
                for s in sessions
            ]
        if "room" in expand:
            sessions = [
                {**s, "room": rooms.get(s["room"]) if s["room"] else None} for s in sessions
            ]
        return sessions


@extend_schema(
    tags=["Public"],
    parameters=[EDITION],
    responses={200: SpeakerSerializer(many=True), **NOT_FOUND},
)
class Speakers(ProgrammeList):
    """The speakers the published programme names."""

    serializer_class = SpeakerSerializer

    def rows(self) -> list[dict[str, Any]]:
        assert self.programme is not None
        return self.programme.speakers


@extend_schema(
    tags=["Public"], parameters=[EDITION], responses={200: RoomSerializer(many=True), **NOT_FOUND}
)
class Rooms(ProgrammeList):
    serializer_class = RoomSerializer

    def rows(self) -> list[dict[str, Any]]:
        assert self.programme is not None
        return self.programme.rooms


@extend_schema(
    tags=["Public"], parameters=[EDITION], responses={200: TrackSerializer(many=True), **NOT_FOUND}
)
class Tracks(ProgrammeList):
    serializer_class = TrackSerializer

    def rows(self) -> list[dict[str, Any]]:
        assert self.programme is not None
        return self.programme.tracks


@extend_schema(
    tags=["Public"],
    parameters=[EDITION],
    responses={200: ExhibitorSerializer(many=True), **NOT_FOUND},
)
class Exhibitors(ETagMixin, EditionScoped, ListAPIView):
    """Exhibitors with a booked stand, and their stands."""

    serializer_class = ExhibitorSerializer
    permission_classes = [PublicEdition]

    def get_queryset(self) -> QuerySet[Exhibitor]:
        booked = Stand.objects.filter(status=StandStatus.BOOKED.value).order_by("number")
        return (
            Exhibitor.objects.filter(edition=self.edition, stands__status=StandStatus.BOOKED.value)
            .distinct()
            .prefetch_related(Prefetch("stands", queryset=booked))
            .order_by("organisation", "id")
        )
