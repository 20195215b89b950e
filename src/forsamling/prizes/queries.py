"""Reads for the prize's pages: the ranking, a juror's view, nominees, the catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from forsamling.conferences.models import Edition
from forsamling.domain import prizes as rules
from forsamling.domain.danish import COPENHAGEN, danish_sort_key, danish_sorted
from forsamling.prizes.models import (
    Attachment,
    AttachmentKind,
    Conflict,
    Criterion,
    Juror,
    Nomination,
    NominationState,
    Prize,
    ScoreSheet,
)
from forsamling.programme.models import Item
from forsamling.registration.organisations import municipality_name


def prize_for(edition: Edition) -> Prize:
    return get_object_or_404(
        Prize.objects.select_related("edition", "award_item__day"), edition=edition
    )


def nomination_by_token(prize: Prize, token: str) -> Nomination:
    return get_object_or_404(
        Nomination.objects.select_related("prize__edition"), prize=prize, token=token
    )


def item_starts_at(item: Item | None) -> datetime | None:
    """When a programme item begins, in Copenhagen time (a talk takes its block's day)."""
    if item is None or item.starts_at is None:
        return None
    day = item.day or (item.parent.day if item.parent_id and item.parent else None)
    if day is None:
        return None
    return datetime.combine(day.date, item.starts_at, tzinfo=COPENHAGEN)


def winner_visible(prize: Prize, now: datetime) -> bool:
    return rules.winner_visible(
        now=now,
        published=prize.winner_published and prize.winner_id is not None,
        award_starts_at=item_starts_at(prize.award_item),
    )


def _with_images() -> Prefetch:
    return Prefetch(
        "attachments",
        queryset=Attachment.objects.filter(kind=AttachmentKind.IMAGE),
        to_attr="images",
    )


def public_nominees(prize: Prize) -> list[Nomination]:
    """The three nominees once the organisers have published them, in presenting order."""
    if not prize.nominees_published:
        return []
    return list(
        prize.nominations.filter(state=NominationState.SUBMITTED, shortlist_position__isnull=False)
        .prefetch_related(_with_images())
        .order_by("shortlist_position")
    )


def catalogue(prize: Prize) -> list[Nomination]:
    """Submitted nominations that agreed to be published, by municipality (Danish order)."""
    rows = prize.nominations.filter(
        state=NominationState.SUBMITTED, publish_consent=True
    ).prefetch_related(_with_images())
    return sorted(
        rows, key=lambda n: (danish_sort_key(n.municipality), danish_sort_key(n.project_title))
    )


def nominee_url(nomination: Nomination, edition: Edition) -> str:
    return reverse("public:prize_nominee", kwargs={"edition": edition.slug, "pk": nomination.pk})


def programme_links(edition: Edition, now: datetime) -> dict[str, list[dict[str, str]]]:
    """Programme item uid → links to the nominees' pages, and the winner on the award item.

    One query for the prize (none more when there is none or nothing is published) and one
    for its nominees.
    """
    prize = (
        Prize.objects.filter(edition=edition)
        .select_related("award_item__day", "award_item__parent__day", "winner")
        .first()
    )
    if prize is None or not prize.nominees_published:
        return {}
    links: dict[str, list[dict[str, str]]] = {}
    nominees = prize.nominations.filter(
        state=NominationState.SUBMITTED,
        shortlist_position__isnull=False,
        programme_item__isnull=False,
    ).select_related("programme_item")
    for nominee in nominees.order_by("shortlist_position"):
        assert nominee.programme_item is not None
        links.setdefault(str(nominee.programme_item.uid), []).append(
            {"label": nominee_label(nominee), "url": nominee_url(nominee, edition)}
        )
    if prize.award_item is not None and prize.winner and winner_visible(prize, now):
        links.setdefault(str(prize.award_item.uid), []).append(
            {
                "label": _("Vinder: %(nominee)s") % {"nominee": nominee_label(prize.winner)},
                "url": nominee_url(prize.winner, edition),
            }
        )
    if prize.is_example:
        for item_links in links.values():
            for link in item_links:
                link["label"] = _("%(label)s (eksempeldata)") % {"label": link["label"]}
    return links


def nominee_label(nomination: Nomination) -> str:
    return f"{nomination.project_title}, {municipality_name(nomination.municipality)}"


@dataclass
class RankingRow:
    nomination: Nomination
    ranked: rules.Ranked
    sheets: int
    conflicts: int  # jurors out of this nomination: declared, or their own municipality's


def ranking(prize: Prize) -> list[RankingRow]:
    """Submitted nominations ranked by the jury's combined weighted scores (submitted sheets)."""
    criteria = list(prize.criteria.all())
    jurors = list(prize.jurors.all())
    nominations = list(
        prize.nominations.filter(state=NominationState.SUBMITTED).prefetch_related(
            Prefetch(
                "sheets",
                queryset=ScoreSheet.objects.filter(submitted_at__isnull=False).prefetch_related(
                    "scores"
                ),
                to_attr="submitted_sheets",
            ),
            "conflicts",
        )
    )
    values: dict[int, list[Decimal]] = {}
    for nomination in nominations:
        values[nomination.pk] = [
            sheet_score(sheet, criteria) for sheet in nomination.submitted_sheets
        ]
    order = [n.pk for n in danish_sorted(nominations, key=lambda n: n.municipality)]
    by_pk = {n.pk: n for n in nominations}
    return [
        RankingRow(
            nomination=by_pk[r.key],
            ranked=r,
            sheets=r.jurors,
            conflicts=conflicted_jurors(by_pk[r.key], jurors),
        )
        for r in rules.rank(values, rules.Combine(prize.combine), order=order)
    ]


def is_conflicted(juror: Juror, nomination: Nomination, declared: bool | None = None) -> bool:
    """Whether the juror is out of the nomination (`rules.conflicted`): a declared conflict
    (read unless `declared` says) or their own municipality's. The one rule that keeps a juror
    from scoring it, counts the ranking's conflicts and marks the juror's list."""
    if declared is None:
        declared = Conflict.objects.filter(juror=juror, nomination=nomination).exists()
    return rules.conflicted(
        juror_municipality=juror.municipality,
        municipality=nomination.municipality,
        nominator_municipality=nomination.nominator_municipality,
        declared=declared,
    )


def conflicted_jurors(nomination: Nomination, jurors: list[Juror]) -> int:
    """How many jurors are out of the nomination, by the same rule that keeps them from
    scoring it (`is_conflicted`): declared conflicts and their own municipality."""
    declared = {conflict.juror_id for conflict in nomination.conflicts.all()}
    return sum(is_conflicted(juror, nomination, juror.pk in declared) for juror in jurors)


def sheet_score(sheet: ScoreSheet, criteria: list[Criterion]) -> Decimal:
    scores = {str(s.criterion_id): s.value for s in sheet.scores.all()}
    return rules.weighted_score(scores, [rules.Criterion(str(c.pk), c.weight) for c in criteria])


def juror_for(prize: Prize, user: Any) -> Juror | None:
    return (
        Juror.objects.select_related("prize__edition", "user")
        .filter(prize=prize, user=user)
        .first()
    )


@dataclass
class JuryRow:
    nomination: Nomination
    conflicted: bool
    sheet: ScoreSheet | None


def jury_list(juror: Juror) -> list[JuryRow]:
    """Every submitted nomination with the juror's own state: conflicted, draft, submitted."""
    declared = set(Conflict.objects.filter(juror=juror).values_list("nomination_id", flat=True))
    sheets = {s.nomination_id: s for s in ScoreSheet.objects.filter(juror=juror)}
    nominations = juror.prize.nominations.filter(state=NominationState.SUBMITTED)
    rows = [
        JuryRow(
            nomination=n,
            conflicted=is_conflicted(juror, n, n.pk in declared),
            sheet=sheets.get(n.pk),
        )
        for n in nominations
    ]
    return sorted(rows, key=lambda r: danish_sort_key(r.nomination.municipality))


def others_sheets(juror: Juror, nomination: Nomination) -> list[ScoreSheet]:
    """The other jurors' submitted sheets, only for a juror who has submitted their own."""
    own = ScoreSheet.objects.filter(juror=juror, nomination=nomination).first()
    if not rules.may_see_others(own_submitted=own is not None and own.submitted_at is not None):
        return []
    return list(
        ScoreSheet.objects.filter(nomination=nomination, submitted_at__isnull=False)
        .exclude(juror=juror)
        .select_related("juror__user")
        .prefetch_related("scores__criterion")
        .order_by("juror_id")
    )
