"""An edition seeded with known figures, through the real services where there is one:
7 municipalities in 2 regions and KL, 3 categories, 10 active and 1 cancelled, 2 promoted
from a waiting list (1 still waiting), 1 hand-over, 6 checked in (4 no-shows), 4 to dinner,
2 entries at a session door, 5 ratings of one session and 2 of another, 3 invoices issued
(1250 + 2500 + 3750 kr. with VAT) of which the 2500 is credited."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from forsamling.checkin.models import CheckIn, SessionEntry
from forsamling.invoicing.models import Buyer, Invoice, InvoiceLine, Kind, State
from forsamling.programme.models import SessionKind
from forsamling.registration.services import (
    Colleague,
    cancel_registration,
    change_choices,
    substitute_participant,
)
from forsamling.registration.sessions import create_session
from forsamling.surveys.models import Answer, Question, Response, Survey
from tests.backoffice.conftest import make_conference, register


def _invoice(edition, sequence, net, **extra):
    buyer = Buyer.objects.create(edition=edition, name=f"Køber {sequence}")
    invoice = Invoice.objects.create(
        edition=edition, buyer=buyer, buyer_name=buyer.name, state=State.ISSUED,
        sequence=sequence, number=f"F-{sequence}", issue_date=date(2026, 5, 20), **extra,
    )  # fmt: skip
    InvoiceLine.objects.create(
        invoice=invoice, position=1, kind="participant", description="Deltagelse",
        unit_price=Decimal(net), vat_rate=Decimal(25),
    )  # fmt: skip
    return invoice


def seed(conference):
    c = conference
    tiny = create_session(
        slot=c.small.slot, kind=SessionKind.TEMAMOEDE, number=3, title="Tværfaglige teams",
        capacity=1,
    )  # fmt: skip
    c.small.capacity = 1
    c.small.save(update_fields=["capacity"])
    # name, organisation, sessions, category (None: a politician), committee, to dinner
    people = [
        ("Anna", "Aalborg Kommune", [c.small], None, "Børneudvalget", True),
        ("Bent", "Aalborg Kommune", [c.small], None, "Social- og sundhedsudvalget", True),
        ("Carl", "Hjørring Kommune", [tiny], c.official, "social-  og sundhedsudvalget", False),
        ("Dorte", "Thisted", [tiny], c.official, "Social- og sundhedsudvalget", False),
        ("Erik", "Odense Kommune", [c.small], c.stand, "Social- og Sundhedsudvalget", True),
        ("Frida", "Odense Kommune", [c.big], None, "", True),
        ("Gorm", "Vejle Kommune, Børn og Unge", [c.big], None, "Ældreudvalget", True),
        ("Hanne", "Aabenraa Kommune", [c.big], c.official, "Social- og sundhedsudvalget", False),
        ("Ib", "Ærø Kommune", [c.big], c.stand, "", False),
    ]
    a, b, cc, d, e, f, g, h, i = (
        register(c, name, organisation=organisation, sessions=sessions, category=category,
                 committee=committee, dinner=dinner)
        for name, organisation, sessions, category, committee, dinner in people
    )  # fmt: skip
    register(c, "Jens", organisation="Aalborg Kommune", sessions=[c.big])
    k = register(c, "Karen", organisation="KL", category=c.official)
    cancel_registration(registration=a)  # Bent gets Anna's seat in the small session
    change_choices(registration=cc, sessions=[c.big])  # Dorte gets Carl's seat in tiny
    f = substitute_participant(
        registration=f, colleague=Colleague(name="Frede", email="frede@example.dk",
                                            keeps_dinner=True)
    )  # fmt: skip
    now = timezone.now()
    for person in (b, cc, d, e, g, h):
        CheckIn.objects.create(registration=person, at=now)
    SessionEntry.objects.create(session=c.big, registration=g, at=now, registered=True)
    SessionEntry.objects.create(session=c.big, registration=b, at=now, registered=False)
    survey = Survey.objects.create(edition=c.edition)
    question = Question.objects.create(survey=survey, part="session", kind="scale", text="Udbytte")
    for n, (session, point) in enumerate(
        [(c.big, 4), (c.big, 5), (c.big, 3), (c.big, 4), (c.big, 5), (c.small, 2), (c.small, 3)]
    ):
        response = Response.objects.create(survey=survey, key=f"svar-{n}")
        Answer.objects.create(response=response, question=question, session=session, number=point)
    _invoice(c.edition, 1, "1000")
    credited = _invoice(c.edition, 2, "2000")
    _invoice(c.edition, 3, "3000")
    Invoice.objects.filter(pk=credited.pk).update(state=State.CREDITED)
    note = _invoice(c.edition, 4, "2000", kind=Kind.CREDIT_NOTE, credits=credited)
    return SimpleNamespace(tiny=tiny, credit_note=note, handed_over=f, karen=k, ib=i)


@pytest.fixture
def seeded(db):
    conference = make_conference()
    conference.seeded = seed(conference)
    return conference
