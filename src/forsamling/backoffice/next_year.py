"""Copy to next year, as the organisers meet it: what the copy will hold and what it will not
(the preview), and the copy itself with every app's part (`registration.copying` is the
copier; the apps above it hand in their steps here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from forsamling.accounts.roles import grant_role
from forsamling.conferences.models import Edition
from forsamling.domain.next_year import year_on_shift
from forsamling.domain.permissions import Role
from forsamling.exhibitors.copying import copy_stands_and_floor_plan
from forsamling.exhibitors.models import Exhibitor, Extra, FloorPlan, Stand
from forsamling.preferences.models import PreferenceRound
from forsamling.prizes.copying import copy_prize
from forsamling.prizes.models import Prize
from forsamling.programme.models import Item, Room, Session, Track, VenuePlan
from forsamling.registration.copying import copy_edition_in_transaction
from forsamling.registration.models import Category, DinnerTable, Meal, Registration
from forsamling.surveys.models import Question

# The parts of the apps above `registration`, in order.
ALSO = [copy_stands_and_floor_plan, copy_prize]


@dataclass(frozen=True)
class Line:
    label: str
    count: int | None = None  # None: a part without a count (present or not)


@dataclass(frozen=True)
class Preview:
    start_date: date
    end_date: date
    copied: list[Line]
    not_copied: list[Line]


def preview(source: Edition) -> Preview:
    shift = year_on_shift(source.start_date)
    categories = Category.objects.filter(edition=source)
    prize = Prize.objects.filter(edition=source).first()
    copied = [
        Line(_("Tekster, indstillinger og temaer")),
        Line(_("Deltagerkategorier med priser"), categories.count()),
        Line(
            _("heraf kun med invitation (forbliver kun med invitation)"),
            categories.filter(invitation_only=True).count(),
        ),
        Line(_("Lokaler"), Room.objects.filter(edition=source).count()),
        Line(_("Sæsoner (spor)"), Track.objects.filter(edition=source).count()),
        Line(_("Programpunkter (som kladde)"), Item.objects.filter(edition=source).count()),
        Line(
            _("Sessioner med talere og pladser"),
            Session.objects.filter(slot__edition=source).count(),
        ),
        Line(_("Stande (alle ledige)"), Stand.objects.filter(edition=source).count()),
        Line(_("Udstillernes tilvalg med priser"), Extra.objects.filter(edition=source).count()),
        Line(_("Måltider"), Meal.objects.filter(edition=source).count()),
        Line(_("Borde til middagen"), DinnerTable.objects.filter(edition=source).count()),
        Line(_("Evalueringens spørgsmål"), Question.objects.filter(survey__edition=source).count()),
    ]
    if VenuePlan.objects.filter(edition=source).exists():
        copied.append(Line(_("Lokaleoversigten med lokalernes placering")))
    if FloorPlan.objects.filter(edition=source).exists():
        copied.append(Line(_("Plantegningen med standenes placering")))
    if prize is not None:
        copied.append(Line(_("Prisens opsætning og bedømmelseskriterier"), prize.criteria.count()))
    not_copied = [
        Line(_("Tilmeldinger"), Registration.objects.filter(edition=source).count()),
        Line(_("Udstillere og deres bookinger"), Exhibitor.objects.filter(edition=source).count()),
        Line(_("Præferencerunder"), PreferenceRound.objects.filter(edition=source).count()),
        Line(_("Offentliggjorte programversioner"), source.programme_versions.count()),
        Line(_("Oplægsholdernes oplysninger (de inviteres igen)")),
        Line(_("Evalueringens besvarelser")),
    ]
    if prize is not None:
        not_copied.append(
            Line(
                _("Indstillede projekter til prisen (og jury, vinder og årets tema)"),
                prize.nominations.count(),
            )
        )
    return Preview(
        start_date=source.start_date + shift,
        end_date=source.end_date + shift,
        copied=copied,
        not_copied=not_copied,
    )


def copy_to_next_year(*, source: Edition, user: Any) -> Edition:
    """Next year's edition, not public, with every part an organiser configures; an organiser
    who is not a superuser gets the organiser role for it, or it would vanish from their list."""
    with transaction.atomic(durable=True):
        copy = copy_edition_in_transaction(source=source, also=ALSO)
        if not user.is_superuser:
            grant_role(user=user, edition=copy, role=Role.ORGANISER)
    return copy
