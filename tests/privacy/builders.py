"""A conference full of personal data, to check that retention and erasure leave none."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from forsamling.checkin.services import check_in
from forsamling.checkin.tokens import badge_code
from forsamling.exhibitors.models import Exhibitor, StandStaff
from forsamling.outputs import jobs
from forsamling.outputs.models import OutputJob, OutputKind
from forsamling.privacy import consents
from forsamling.privacy.models import Purpose
from forsamling.registration import groups, services
from forsamling.registration.models import Registration
from forsamling.registration.services import ParticipantDetails


@dataclass
class People:
    registrations: list[Registration]
    secrets: set[str] = field(default_factory=set)  # every personal value typed in
    tokens: set[str] = field(default_factory=set)


def future_dates(edition, *, days_ahead: int = 20) -> None:
    """The conference `days_ahead` from today (the tests' edition may lie in the past)."""
    today = timezone.localdate()
    edition.start_date = today + timedelta(days=days_ahead)
    edition.end_date = today + timedelta(days=days_ahead + 1)
    edition.save(update_fields=["start_date", "end_date"])


def person(name: str, number: int, **extra) -> ParticipantDetails:
    first = name.split()[0].lower()
    return ParticipantDetails(
        name=name,
        email=f"{first}.{number}@hjoerring.dk",
        organisation="Hjørring Kommune",
        phone=f"2{number}45 67{number}8",
        job_title=f"Særlig rådgiver {name.split()[-1]}",
        committee=f"Udvalget for {first}",
        dinner=True,
        dietary=f"Allergi mod jordnødder ({first})",
        accessibility_needs=f"Kørestol til {first}",
        ean="5798000416604",
        order_reference=f"ORDRE-{first}",
        person_reference=f"REF-{first}",
        list_consent=True,
        **extra,
    )


def populate(edition) -> People:
    """Five participants (one handed over, one in a group, one cancelled late), a check-in,
    an exhibitor with stand staff, consents, e-mails and a door-list PDF."""
    names = ["Birgitte Særligsen", "Kasper Unikkesen", "Ditte Sjældensen", "Oluf Enestående"]
    people = People([])
    for number, name in enumerate(names, start=1):
        details = person(name, number)
        registration = services.register_participant(
            edition=edition,
            idempotency_key=uuid.uuid4().hex,
            details=details,
            category=edition.politician,
            sessions=[edition.health_house, edition.big_theme],
        ).registration
        people.registrations.append(registration)
        people.secrets |= {v for v in details.__dict__.values() if isinstance(v, str)}
        people.tokens.add(registration.token)
    people.secrets -= {"Hjørring Kommune", "5798000416604"}  # the organisation's, kept
    first = people.registrations[0]
    consents.give_consent(registration=first, purpose=Purpose.PHOTOS)
    services.resend_link(edition=edition, email=first.email)
    # A hand-over: the former holder's name must go from the log too.
    former = people.registrations[1]
    people.tokens.add(former.token)
    colleague = person("Ulla Overtagersen", 7)
    services.substitute_participant(registration=former, details=colleague)
    former.refresh_from_db()
    people.tokens.add(former.token)
    people.secrets |= {colleague.name, colleague.email, colleague.phone, colleague.dietary}
    # A late cancellation with a fee.
    cancelled = people.registrations[2]
    edition.cancellation_deadline = timezone.now() - timedelta(days=1)
    edition.save(update_fields=["cancellation_deadline"])
    services.cancel_registration(registration=cancelled)
    # A group booking by a secretary.
    group = groups.register_group(
        edition=edition,
        organisation="Hjørring Kommune",
        secretary_name="Sekretær Hemmeligsen",
        secretary_email="hemmelig.sekretaer@hjoerring.dk",
    )
    people.tokens.add(group.token)
    people.secrets |= {"Sekretær Hemmeligsen", "hemmelig.sekretaer@hjoerring.dk"}
    member = groups.GroupMember(
        idempotency_key=uuid.uuid4().hex,
        details=person("Gitte Gruppemedlem", 8),
        category=edition.official,
        sessions=[],
    )
    groups.add_group_member(group=group, member=member)
    people.secrets |= {"Gitte Gruppemedlem", "gitte.8@hjoerring.dk"}
    people.registrations = list(Registration.objects.filter(edition=edition).order_by("pk"))
    # Arrival at the desk.
    staff = get_user_model().objects.create_user("desk", is_staff=True)
    check_in(edition=edition, code=badge_code(people.registrations[0].pk), by=staff)
    # An exhibitor and its stand staff.
    exhibitor = Exhibitor.objects.create(
        edition=edition,
        organisation="Velfærdsteknologi A/S",
        cvr="12345678",
        contact_name="Kontakt Personsen",
        contact_email="kontakt.personsen@velfaerd.dk",
        contact_phone="87654321",
        invoice_address="Vejen 1, 9000 Aalborg",
    )
    people.tokens.add(exhibitor.token)
    StandStaff.objects.create(
        exhibitor=exhibitor, name="Stand Staffsen", email="stand.staffsen@velfaerd.dk"
    )
    people.secrets |= {
        "Kontakt Personsen", "kontakt.personsen@velfaerd.dk", "87654321", "Stand Staffsen",
        "stand.staffsen@velfaerd.dk",
    }  # fmt: skip
    # A door list as PDF, made in the background.
    job = OutputJob.objects.create(edition=edition, kind=OutputKind.DOOR_LISTS)
    jobs.make_pdf(job.pk)
    assert Decimal(edition.politician.price) > 0
    return people
