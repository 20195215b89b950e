"""The prize in the demo: a year to try (the demo edition) and a year that is over (2023).

The demo edition's prize is open for nominations, has a handful of submitted ones and a jury
of three who have scored some of them: log in as `jury-formand` or `jury-medlem` (the demo
password) to score, shortlist and pick a winner, or as the organiser to rank and publish.
The 2023 prize is decided and published, so its programme links the nominees and the award
item shows the winner. The projects are made up for the demo. Safe to run again: an edition
that has a prize keeps it as it is.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from forsamling.conferences.models import Edition
from forsamling.domain.danish import COPENHAGEN
from forsamling.prizes import services
from forsamling.prizes.jury import add_juror
from forsamling.prizes.models import Criterion, Juror, Nomination, NominationState, Prize
from forsamling.programme.models import Item, ItemKind

CRITERIA = [
    ("Effekt", "Kan projektet vise, at det forebygger? Tal, evaluering eller tydelige tegn.", 3),
    ("Udbredelse", "Kan andre kommuner gøre det samme?", 2),
    ("Borgerinddragelse", "Er borgerne med til at forme indsatsen?", 2),
    ("Nytænkning", "Gør projektet noget nyt? (rådgivende: tæller ikke med i scoren)", 0),
]

NOMINATIONS = [
    ("Vejle", "Vejle", "Røgfri skoletid", "Alle kommunens skoler har røgfri skoletid, og "
     "elever er med til at lave kampagnerne.", "Andelen af unge, der ryger dagligt, er faldet "
     "fra 9 til 5 procent på tre år.", "Sara Lind", "Sundhedskonsulent"),
    ("Esbjerg", "Fanø", "Havbad hele året", "Vinterbadning og fællesskab for ensomme ældre "
     "ved havnen, med frivillige badeguider.", "120 faste deltagere; færre henvendelser om "
     "ensomhed til hjemmeplejen.", "Jens Holm", "Aktivitetskoordinator"),
    ("Aabenraa", "Aabenraa", "Gå-fællesskaber", "Gåture i alle lokalsamfund med lokale "
     "tovholdere og en app til at finde en gruppe.", "35 grupper, 600 deltagere, og flere "
     "fastholder motion efter et år.", "Maja Friis", "Forebyggelseskonsulent"),
    ("Ærø", "Ærø", "Sund ø", "Sundhedstjek på færgen og i forsamlingshusene.",
     "Halvdelen af øens 50–70-årige har fået et sundhedstjek.", "Peter Bak", "Sygeplejerske"),
    ("Herning", "Ikast-Brande", "Mad med mening", "Madkurser for familier, hvor børn og "
     "voksne laver mad sammen.", "Færre børn i udskolingen med overvægt i de deltagende "
     "skoledistrikter.", "Lene Dam", "Diætist"),
]  # fmt: skip


def _user(username: str, password: str, name: str) -> Any:
    model = get_user_model()
    user = model.objects.filter(username=username).first()
    if user is None:
        first, last = name.split(" ", 1)
        user = model.objects.create_user(
            username=username, password=password, first_name=first, last_name=last
        )
    return user


def _prize(edition: Edition, **values: Any) -> Prize:
    prize = Prize.objects.create(
        edition=edition,
        name=f"KL's Forebyggelsespris {edition.year}",
        theme="Forebyggelse i fællesskab",
        description="KL's Forebyggelsespris går til en kommune, der med et konkret projekt "
        "har fremmet borgernes sundhed og forebygget sygdom. Juryen nominerer tre projekter, "
        "der præsenteres på scenen, og vinderen kåres på konferencens anden dag.",
        is_example=True,  # made-up projects under real municipalities' names: never as fact
        **values,
    )
    for order, (title, text, weight) in enumerate(CRITERIA):
        Criterion.objects.create(prize=prize, order=order, title=title, text=text, weight=weight)
    return prize


def _nominations(prize: Prize, now: datetime) -> list[Nomination]:
    made = []
    for index, (municipality, by, title, description, results, contact, role) in enumerate(
        NOMINATIONS
    ):
        made.append(
            Nomination.objects.create(
                prize=prize,
                state=NominationState.SUBMITTED,
                municipality=municipality,
                nominator_municipality=by,
                project_title=title,
                description=description,
                results=results,
                contact_name=contact,
                contact_title=role,
                contact_email=f"{contact.split()[0].lower()}@example.org",
                publish_consent=index != 4,
                submitted_at=now - timedelta(days=10 - index),
            )
        )
    return made


@transaction.atomic(durable=True)
def load_demo_prize(edition: Edition, now: datetime, password: str) -> Prize | None:
    """The demo edition's prize, open for nominations, with a scoring jury (or None if there)."""
    if Prize.objects.filter(edition=edition).exists():
        return None
    prize = _prize(
        edition,
        nominations_open_at=now.replace(microsecond=0) - timedelta(days=30),
        nominations_close_at=now.replace(microsecond=0) + timedelta(days=60),
        jury_deadline=now.replace(microsecond=0) + timedelta(days=90),
        award_item=Item.objects.filter(edition=edition, kind=ItemKind.PRIZE_AWARD).first(),
    )
    nominations = _nominations(prize, now)
    actor = "demo"
    chair = add_juror(
        prize=prize,
        user=_user("jury-formand", password, "Hanne Juul"),
        municipality="Odense",
        is_chair=True,
        actor=actor,
    )
    member = add_juror(
        prize=prize,
        user=_user("jury-medlem", password, "Ole Vestergaard"),
        municipality="Vejle",
        actor=actor,
    )
    add_juror(prize=prize, user=_user("jury-tre", password, "Amira Hassan"), actor=actor)
    _score(chair, nominations[:4], now, [[5, 4, 4, 3], [4, 5, 5, 4], [4, 3, 4, 5], [3, 3, 2, 2]])
    _score(member, nominations[1:3], now, [[4, 4, 5, 3], [5, 3, 3, 4]])
    return prize


def _score(
    juror: Juror, nominations: list[Nomination], now: datetime, rows: list[list[int]]
) -> None:
    criteria = list(juror.prize.criteria.all())
    for nomination, values in zip(nominations, rows, strict=True):
        services.save_scores_in_transaction(
            juror=juror,
            nomination=nomination,
            scores={c.pk: (v, "") for c, v in zip(criteria, values, strict=True)},
            comment="",
            submit=True,
            now=now,
            actor="demo",
        )


@transaction.atomic(durable=True)
def load_decided_prize(edition: Edition, now: datetime) -> Prize | None:
    """A prize that is over: three nominees on their programme items, the winner published."""
    if Prize.objects.filter(edition=edition).exists():
        return None
    items = list(
        Item.objects.filter(edition=edition, kind=ItemKind.PRIZE_NOMINEES).order_by(
            "day__date", "starts_at"
        )
    )
    starts = datetime.combine(edition.start_date, time(9, 0), tzinfo=COPENHAGEN)
    prize = _prize(
        edition,
        nominations_open_at=starts - timedelta(days=200),
        nominations_close_at=starts - timedelta(days=120),
        jury_deadline=starts - timedelta(days=60),
        award_item=Item.objects.filter(edition=edition, kind=ItemKind.PRIZE_AWARD).first(),
        nominees_published=True,
        winner_published=True,
        catalogue_published=True,
    )
    nominations = _nominations(prize, starts - timedelta(days=125))
    for position, nomination in enumerate(nominations[:3], start=1):
        nomination.shortlist_position = position
        # "1. nominerede" has its own item; "2. og 3. nominerede" share the next one.
        nomination.programme_item = items[min(position - 1, len(items) - 1)] if items else None
        nomination.save(update_fields=["shortlist_position", "programme_item"])
    prize.winner = nominations[1]
    prize.save(update_fields=["winner"])
    return prize
