"""A secretary registers a committee: own category, choices and link each; one overview."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from forsamling.domain.registration_rules import AlreadyRegistered
from forsamling.registration.groups import GroupMember, add_group_member, register_group
from forsamling.registration.models import AuditEntry, GroupBooking, Registration
from forsamling.registration.queries import group_overview
from forsamling.registration.services import cancel_registration

from .conftest import details
from .test_pages import form_data

pytestmark = pytest.mark.django_db


def member(edition, name, category, sessions=(), email=None):
    return GroupMember(
        idempotency_key=f"group-{name}",
        details=details(name, email=email),
        category=category,
        sessions=list(sessions),
    )


def aalborgs_group(edition, *members):
    """Aalborg's secretary S registers `members` as a group."""
    return register_group(
        edition=edition,
        organisation="Aalborg Kommune",
        secretary_name="S",
        secretary_email="s@aalborg.dk",
        members=list(members),
    )


def sifs_empty_group(edition):
    """A group of Aalborg's started by its secretary Sif, with no members yet; and the address
    of its overview page."""
    group = register_group(
        edition=edition,
        organisation="Aalborg Kommune",
        secretary_name="Sif",
        secretary_email="sif@aalborg.dk",
    )
    return group, reverse(
        "public:registration_group", kwargs={"edition": edition.slug, "token": group.token}
    )


def test_register_group_registers_each_member_with_own_category_choices_and_link(
    edition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        group = register_group(
            edition=edition,
            organisation="Aalborg Kommune",
            secretary_name="Sekretær Sif",
            secretary_email="Sif@Aalborg.dk",
            members=[
                member(edition, "Anna Politiker", edition.politician, [edition.health_house]),
                member(edition, "Bo Direktør", edition.official, [edition.officials_breakout]),
            ],
        )
    registrations = list(group.registrations.order_by("name"))
    assert [r.category.key for r in registrations] == ["politiker", "embedsperson"]
    assert registrations[0].token != registrations[1].token
    assert sorted(m.to[0] for m in mail.outbox)[-1] == "sif@aalborg.dk"
    assert len(mail.outbox) == 3  # two confirmations and the secretary's link
    actions = AuditEntry.objects.filter(actor="sekretær:sif@aalborg.dk").values_list(
        "action", flat=True
    )
    assert sorted(actions) == ["group_created", "registered", "registered"]


def test_a_group_is_registered_all_or_nothing(edition):
    add_email = "taken@aalborg.dk"
    add_group_member(
        group=GroupBooking.objects.create(
            edition=edition, organisation="X", secretary_name="S", secretary_email="s@x.dk"
        ),
        member=member(edition, "Første", edition.official, email=add_email),
    )
    with pytest.raises(AlreadyRegistered):
        aalborgs_group(
            edition,
            member(edition, "Anna", edition.official),
            member(edition, "Bo", edition.official, email=add_email),
        )
    assert not Registration.objects.filter(name="Anna").exists()
    assert GroupBooking.objects.count() == 1


def test_the_group_total_counts_active_prices_and_fees_of_late_cancellations(edition):
    group = aalborgs_group(
        edition,
        member(edition, "Anna", edition.politician),
        member(edition, "Bo", edition.stand_staff),
        member(edition, "Carl", edition.official),
    )
    cancel_registration(registration=Registration.objects.get(name="Carl"))  # before deadline
    assert group_overview(group).total == Decimal("3995") + Decimal("1900")


def test_the_secretary_starts_a_group_and_adds_participants_on_the_overview_page(client, edition):
    response = client.post(
        reverse("public:registration_group_start", kwargs={"edition": edition.slug}),
        {
            "organisation": "Aalborg Kommune",
            "secretary_name": "Sif",
            "secretary_email": "sif@aalborg.dk",
        },
    )
    group = GroupBooking.objects.get()
    overview = reverse(
        "public:registration_group", kwargs={"edition": edition.slug, "token": group.token}
    )
    assert response["Location"] == overview
    for number, category in enumerate([edition.politician, edition.stand_staff]):
        data = form_data(
            edition,
            idempotency_key=f"g{number}",
            email=f"m{number}@aalborg.dk",
            name=f"Medlem {number}",
            category=str(category.pk),
            **{f"slot_{edition.houses_slot.pk}": "none"},
        )
        assert client.post(overview, data).status_code == 302
    page = client.get(overview).content.decode()
    assert "Medlem 0" in page and "Medlem 1" in page
    assert "5.895 kr." in page
    assert set(Registration.objects.values_list("group_id", flat=True)) == {group.pk}


def test_an_unknown_group_token_is_not_found(client, edition):
    url = reverse("public:registration_group", kwargs={"edition": edition.slug, "token": "nope"})
    assert client.get(url).status_code == 404


def test_an_address_already_registered_gets_the_single_form_s_answer_on_the_group_page(
    client, edition, mailoutbox, django_capture_on_commit_callbacks
):
    """One rule for both forms: neither page says an address is registered; its owner gets
    their link by e-mail (issue 25), and the secretary is told to ask the colleague."""
    client.post(reverse("public:register", kwargs={"edition": edition.slug}), form_data(edition))
    group, overview = sifs_empty_group(edition)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(overview, form_data(edition, idempotency_key="g-mette"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "allerede" not in page and "Tjek e-mailen" in page
    assert f'href="{overview}"' in page  # back to the group, nothing typed is needed again
    assert [m.to for m in mailoutbox][-1] == ["mette@aalborg.dk"]
    assert not Registration.objects.filter(group=group).exists()


def test_the_secretary_s_form_speaks_of_the_colleague_and_the_single_form_of_oneself(
    client, edition
):
    """A secretary does not accept the terms or tick consent as if for themselves (issue 25):
    the group's form asks about "personen" and says what is done on the person's behalf."""
    _, overview = sifs_empty_group(edition)
    page = client.get(overview).content.decode()
    assert "Deltager personen i middagen den første aften?" in page
    assert "betingelserne for tilmelding på personens vegne" in page
    assert "Personen har sagt ja til" in page and "Personen deltager ikke i nogen af dem" in page
    assert "Deltager du i middagen" not in page and "Jeg deltager ikke" not in page
    refused = client.post(overview, form_data(edition, accept_terms=None, category=None))
    errors = refused.content.decode()
    assert "Du skal acceptere betingelserne for at tilmelde personen." in errors
    assert "Vælg personens deltagerkategori." in errors
    single = client.get(reverse("public:register", kwargs={"edition": edition.slug}))
    assert "Deltager du i middagen den første aften?" in single.content.decode()
