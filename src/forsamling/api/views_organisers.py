"""The organisers' half of /api/v1/: registrations, choices, waiting lists, check-ins and
invoices of one edition, for a token of that edition with the scope each needs.

Erased people are not here (`queries.registrations`). Every list takes `?changed_since=` on
the rows' `updated_at` (a check-in's moment), so a client can poll for what is new.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.generics import ListAPIView, ListCreateAPIView, RetrieveAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from forsamling.api import idempotency, queries, removals
from forsamling.api.conventions import (
    CHANGED_SINCE,
    changed_since,
    expand_parameter,
    expansions,
    filter_changed,
)
from forsamling.api.models import ApiToken, RemovedKind, Scope
from forsamling.api.permissions import TokenScope
from forsamling.api.serializers import (
    CheckInRequestSerializer,
    CheckInResultSerializer,
    CheckInSerializer,
    ChoiceSerializer,
    ErrorSerializer,
    InvoiceSerializer,
    RegistrationSerializer,
    RemovedSerializer,
    WaitingListEntrySerializer,
)
from forsamling.api.views import EDITION, EditionScoped
from forsamling.checkin.models import CheckIn
from forsamling.checkin.services import check_in
from forsamling.checkin.tokens import badge_code
from forsamling.domain.checkin import NotRegistered, UnknownBadge
from forsamling.invoicing.models import Invoice, State
from forsamling.registration.models import Choice, Registration

REFUSED = {401: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}


class OrganiserView(EditionScoped):
    permission_classes = [TokenScope]
    read_scopes: tuple[str, ...] = (Scope.READ_REGISTRATIONS,)
    write_scopes: tuple[str, ...] = ()

    def scopes_for(self, method: str) -> tuple[str, ...]:
        return self.read_scopes if method in ("GET", "HEAD", "OPTIONS") else self.write_scopes


def _one_of(request: Request, name: str, allowed: tuple[str, ...]) -> str | None:
    value = request.query_params.get(name)
    if value is None or value == "":
        return None
    if value not in allowed:
        raise ValidationError(
            {name: [_("Vælg en af: %(allowed)s.") % {"allowed": ", ".join(allowed)}]}
        )
    return value


REGISTRATION_EXPANSIONS = ("category", "choices")


@extend_schema(
    tags=["Organisers"],
    parameters=[
        EDITION,
        CHANGED_SINCE,
        OpenApiParameter("status", str, enum=["active", "cancelled"]),
        OpenApiParameter("category", str, description="Only this category (its key)."),
        expand_parameter(*REGISTRATION_EXPANSIONS),
    ],
    responses={200: RegistrationSerializer(many=True), **REFUSED},
)
class Registrations(OrganiserView, ListAPIView):
    """The edition's registrations, cancelled ones too (scope `read_registrations`)."""

    serializer_class = RegistrationSerializer

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "expand": self.expand}

    def get_queryset(self) -> QuerySet[Registration]:
        self.expand = expansions(self.request, REGISTRATION_EXPANSIONS)
        registrations = queries.registrations(self.edition)
        if state := _one_of(self.request, "status", ("active", "cancelled")):
            registrations = registrations.filter(status=state)
        if category := self.request.query_params.get("category"):
            registrations = registrations.filter(category__key=category)
        if "choices" in self.expand:
            registrations = registrations.prefetch_related("choices__slot", "choices__session")
        return filter_changed(registrations, self.request, "updated_at")


@extend_schema(
    tags=["Organisers"],
    parameters=[
        EDITION,
        OpenApiParameter("id", int, OpenApiParameter.PATH),
        expand_parameter(*REGISTRATION_EXPANSIONS),
    ],
    responses={200: RegistrationSerializer, **REFUSED},
)
class RegistrationDetail(OrganiserView, RetrieveAPIView):
    serializer_class = RegistrationSerializer
    lookup_url_kwarg = "id"

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "expand": self.expand}

    def get_queryset(self) -> QuerySet[Registration]:
        self.expand = expansions(self.request, REGISTRATION_EXPANSIONS)
        return queries.registrations(self.edition).prefetch_related(
            "choices__slot", "choices__session"
        )


@extend_schema(
    tags=["Organisers"],
    parameters=[
        EDITION,
        CHANGED_SINCE,
        OpenApiParameter("status", str, enum=["confirmed", "waiting"]),
        OpenApiParameter("session", str, description="Only this session (its uid)."),
    ],
    responses={200: ChoiceSerializer(many=True), **REFUSED},
)
class Choices(OrganiserView, ListAPIView):
    """Every participant's session choices: a seat, or a place on the waiting list."""

    serializer_class = ChoiceSerializer

    def get_queryset(self) -> QuerySet[Choice]:
        rows = queries.choices(self.edition)
        if state := _one_of(self.request, "status", ("confirmed", "waiting")):
            rows = rows.filter(status=state)
        rows = _session_filter(self.request, rows)
        return filter_changed(rows, self.request, "updated_at")


def _session_filter(request: Request, rows: QuerySet[Choice]) -> QuerySet[Choice]:
    uid = request.query_params.get("session")
    if not uid:
        return rows
    try:
        return rows.filter(session__uid=uuid.UUID(uid))
    except ValueError:
        raise ValidationError({"session": [_("Skriv sessionens uid.")]}) from None


@extend_schema(
    tags=["Organisers"],
    parameters=[
        EDITION,
        CHANGED_SINCE,
        OpenApiParameter("session", str, description="Only this session (its uid)."),
    ],
    responses={200: WaitingListEntrySerializer(many=True), **REFUSED},
)
class WaitingLists(OrganiserView, ListAPIView):
    """Everyone waiting for a seat, session by session, in the order they will get one."""

    serializer_class = WaitingListEntrySerializer

    def get_queryset(self) -> QuerySet[Choice]:
        rows = _session_filter(self.request, queries.waiting_list(self.edition))
        return filter_changed(rows, self.request, "updated_at")


class NotCheckedIn(APIException):
    status_code = 409
    default_code = "not_registered"


@extend_schema(tags=["Organisers"], parameters=[EDITION])
class CheckIns(OrganiserView, ListCreateAPIView):
    """Who has arrived (scope `read_registrations` or `write_checkins`), and checking someone
    in (scope `write_checkins`)."""

    read_scopes = (Scope.READ_REGISTRATIONS, Scope.WRITE_CHECKINS)
    write_scopes = (Scope.WRITE_CHECKINS,)
    serializer_class = CheckInSerializer

    def get_queryset(self) -> QuerySet[CheckIn]:
        return filter_changed(queries.checkins(self.edition), self.request, "at")

    @extend_schema(
        parameters=[CHANGED_SINCE], responses={200: CheckInSerializer(many=True), **REFUSED}
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        parameters=[idempotency.IDEMPOTENCY_KEY],
        request=CheckInRequestSerializer,
        responses={
            201: OpenApiResponse(CheckInResultSerializer, description="Checked in now."),
            200: OpenApiResponse(
                CheckInResultSerializer, description="Already checked in (at checked_in_at)."
            ),
            400: OpenApiResponse(
                description="Neither or both of registration and code, or an unknown badge."
            ),
            409: OpenApiResponse(
                ErrorSerializer,
                description=(
                    "The registration is cancelled, or the same Idempotency-Key is still "
                    "being answered."
                ),
            ),
            422: OpenApiResponse(
                ErrorSerializer, description="The Idempotency-Key was used for another request."
            ),
            **REFUSED,
        },
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Checks a participant in, once: a second check-in answers 200 with the first moment;
        a retry with the same `Idempotency-Key` gets the first answer again."""
        token = request.auth
        assert isinstance(token, ApiToken)
        return idempotency.once(request, token, lambda: self._check_in(request, token))

    def _check_in(self, request: Request, token: ApiToken) -> Response:
        wanted = CheckInRequestSerializer(data=request.data)
        wanted.is_valid(raise_exception=True)
        code = wanted.validated_data.get("code") or badge_code(
            wanted.validated_data["registration"]
        )
        try:
            result = check_in(edition=self.edition, code=code, by=token.user)
        except UnknownBadge:
            raise ValidationError(
                {
                    "registration": [
                        _("Ingen tilmelding til denne konference med det id eller den kode.")
                    ]
                }
            ) from None
        except NotRegistered:
            raise NotCheckedIn(_("Tilmeldingen er afmeldt og kan ikke tjekkes ind.")) from None
        answer = CheckInResultSerializer(
            {
                "registration": result.registration.pk,
                "checked_in_at": result.checkin.at,
                "already": result.already,
            }
        ).data
        return Response(
            answer, status=status.HTTP_200_OK if result.already else status.HTTP_201_CREATED
        )


@extend_schema(
    tags=["Organisers"],
    parameters=[
        EDITION,
        CHANGED_SINCE,
        OpenApiParameter("state", str, enum=list(State.values)),
    ],
    responses={200: InvoiceSerializer(many=True), **REFUSED},
)
class Invoices(OrganiserView, ListAPIView):
    """The edition's invoices and credit notes: head and totals (scope `read_registrations`)."""

    serializer_class = InvoiceSerializer

    def get_queryset(self) -> QuerySet[Invoice]:
        rows = queries.invoices(self.edition)
        if state := _one_of(self.request, "state", tuple(State.values)):
            rows = rows.filter(state=state)
        return filter_changed(rows, self.request, "updated_at")


@extend_schema(
    tags=["Organisers"],
    parameters=[
        EDITION,
        CHANGED_SINCE,
        OpenApiParameter("kind", str, enum=list(RemovedKind.values)),
    ],
    responses={200: RemovedSerializer(many=True), **REFUSED},
)
class Removed(OrganiserView, ListAPIView):
    """What left the organisers' lists, oldest first: deleted registrations, choices (a
    session given up, a cancellation), check-ins and draft invoices, and erased people (scope
    `read_registrations` or `write_checkins`). Poll it with the same `changed_since` as the
    lists and drop the rows it names."""

    read_scopes = (Scope.READ_REGISTRATIONS, Scope.WRITE_CHECKINS)
    serializer_class = RemovedSerializer

    def get_queryset(self) -> QuerySet[Any]:
        kind = _one_of(self.request, "kind", tuple(RemovedKind.values))
        return removals.removed(self.edition, since=changed_since(self.request), kind=kind)
