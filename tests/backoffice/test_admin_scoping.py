"""Django's admin per edition: an organiser sees and changes only the editions they organise."""

from decimal import Decimal

import pytest
from django.urls import reverse

from forsamling.accounts.access import organised_editions
from forsamling.accounts.models import EditionRole
from forsamling.accounts.roles import grant_role
from forsamling.conferences.models import Edition
from forsamling.domain.permissions import Role
from forsamling.exhibitors.models import Stand
from forsamling.exhibitors.services import email_exhibitors
from forsamling.outbox.models import SentMessage
from forsamling.programme.models import Room
from forsamling.registration.models import Registration, Status
from tests.backoffice.conftest import make_conference, register
from tests.factories import ExhibitorFactory


@pytest.fixture
def other(conference):
    """Last year's edition, which the organiser of `conference` has no role for."""
    other = make_conference(slug="2025")
    other.edition.title = "Forum sidste år"
    other.edition.save(update_fields=["title"])
    other.small.slot.title = "Temamøder sidste år"
    other.small.slot.save(update_fields=["title"])
    other.small.title = "Kun sidste år"
    other.small.save(update_fields=["title"])
    other.berit = register(other, "Berit Sidsteår", sessions=[other.small])
    other.room = Room.objects.create(edition=other.edition, name="Sal sidste år", capacity=50)
    return other


@pytest.fixture
def mine(conference):
    conference.small.slot.title = "Temamøder i år"
    conference.small.slot.save(update_fields=["title"])
    conference.aase = register(conference, "Aase Iår", sessions=[conference.small])
    conference.room = Room.objects.create(edition=conference.edition, name="Sal i år", capacity=50)
    return conference


LISTS = {
    "registration": ("Aase Iår", "Berit Sidsteår"),
    "session": ("Ældrepleje på øerne", "Kun sidste år"),
    "item": ("Temamøder i år", "Temamøder sidste år"),
    "edition": ("Social- og Sundhedspolitisk Forum 2026", "Forum sidste år"),
    "room": ("Sal i år", "Sal sidste år"),
}
APPS = {
    "registration": "registration",
    "session": "programme",
    "item": "programme",
    "edition": "conferences",
    "room": "programme",
}


def changelist(client, model):
    return client.get(reverse(f"admin:{APPS[model]}_{model}_changelist")).content.decode()


def objects_of(conference, model):
    return {
        "registration": conference.berit if hasattr(conference, "berit") else conference.aase,
        "session": conference.small,
        "item": conference.small.slot,
        "edition": conference.edition,
        "room": conference.room,
    }[model]


@pytest.mark.parametrize("model", list(LISTS))
def test_an_organiser_lists_only_their_editions_rows(client, mine, other, users, model):
    """Rows of an edition they do not organise, and its name in the filters, are not shown."""
    client.force_login(users.organiser)
    page = changelist(client, model)
    own, foreign = LISTS[model]
    assert own in page
    assert foreign not in page
    assert "Forum sidste år" not in page


@pytest.mark.parametrize("model", list(LISTS))
def test_a_superuser_lists_the_rows_of_every_edition(client, mine, other, users, model):
    client.force_login(users.superuser)
    page = changelist(client, model)
    assert all(text in page for text in LISTS[model])


def organisers_change_page(client, users, edition_rows, model):
    """The organiser of `conference` asks for the admin's change page of `edition_rows`'s row
    of `model`."""
    client.force_login(users.organiser)
    obj = objects_of(edition_rows, model)
    return client.get(reverse(f"admin:{APPS[model]}_{model}_change", args=[obj.pk]))


@pytest.mark.parametrize("model", list(LISTS))
def test_an_organiser_cannot_open_another_editions_change_page(client, mine, other, users, model):
    """The row is as if it did not exist: the admin sends them back to its front page."""
    response = organisers_change_page(client, users, other, model)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


@pytest.mark.parametrize("model", list(LISTS))
def test_an_organiser_opens_their_own_editions_change_page(client, mine, other, users, model):
    response = organisers_change_page(client, users, mine, model)
    assert response.status_code == 200


def test_an_organiser_cannot_delete_another_editions_room(client, other, users):
    client.force_login(users.organiser)
    url = reverse("admin:programme_room_delete", args=[other.room.pk])
    client.post(url, {"post": "yes"})
    assert Room.objects.filter(pk=other.room.pk).exists()


def test_an_action_does_not_reach_another_editions_registrations(client, mine, other, users):
    """Cancelling "selected" registrations skips one the organiser cannot see."""
    client.force_login(users.organiser)
    client.post(
        reverse("admin:registration_registration_changelist"),
        {"action": "cancel_selected", "_selected_action": [other.berit.pk, mine.aase.pk]},
    )
    assert Registration.objects.get(pk=other.berit.pk).status != Status.CANCELLED
    assert Registration.objects.get(pk=mine.aase.pk).status == Status.CANCELLED


def test_a_new_room_can_only_be_put_in_an_organised_edition(client, conference, other, users):
    """The edition field offers only the organiser's editions, and a forged choice is refused."""
    client.force_login(users.organiser)
    url = reverse("admin:programme_room_add")
    form = client.get(url).context["adminform"].form
    assert list(form.fields["edition"].queryset) == [conference.edition]
    response = client.post(url, {"edition": other.edition.pk, "name": "Snyd", "capacity": 10})
    assert response.status_code == 200  # the form again, with an error
    assert not Room.objects.filter(name="Snyd").exists()


def test_a_new_sessions_slot_and_room_come_from_an_organised_edition(client, mine, other, users):
    client.force_login(users.organiser)
    form = client.get(reverse("admin:programme_session_add")).context["adminform"].form
    assert set(form.fields["slot"].queryset) == {mine.small.slot}
    assert set(form.fields["room"].queryset) == {mine.room}


def test_a_superuser_may_choose_any_edition(client, conference, other, users):
    client.force_login(users.superuser)
    form = client.get(reverse("admin:programme_room_add")).context["adminform"].form
    assert set(form.fields["edition"].queryset) == {conference.edition, other.edition}


def test_copying_an_edition_makes_the_organiser_organiser_of_the_copy(client, conference, users):
    client.force_login(users.organiser)
    response = client.post(
        reverse("admin:conferences_edition_changelist"),
        {"action": "copy_to_next_year", "_selected_action": [conference.edition.pk]},
    )
    copy = Edition.objects.exclude(pk=conference.edition.pk).get()
    assert response["Location"] == reverse("admin:conferences_edition_change", args=[copy.pk])
    assert EditionRole.objects.filter(
        user=users.organiser, edition=copy, role=Role.ORGANISER
    ).exists()
    assert client.get(response["Location"]).status_code == 200


def test_a_superuser_copying_an_edition_gets_no_role(client, conference, users):
    client.force_login(users.superuser)
    client.post(
        reverse("admin:conferences_edition_changelist"),
        {"action": "copy_to_next_year", "_selected_action": [conference.edition.pk]},
    )
    copy = Edition.objects.exclude(pk=conference.edition.pk).get()
    assert not EditionRole.objects.filter(edition=copy).exists()


def test_an_organiser_cannot_copy_an_edition_they_do_not_organise(client, other, users):
    client.force_login(users.organiser)
    client.post(
        reverse("admin:conferences_edition_changelist"),
        {"action": "copy_to_next_year", "_selected_action": [other.edition.pk]},
    )
    assert Edition.objects.count() == 2


def test_organised_editions_are_those_with_the_organiser_role(conference, other, users):
    """Viewing or checking in for an edition does not put it in the admin's scope."""
    grant_role(user=users.organiser, edition=other.edition, role=Role.VIEWER)
    assert list(organised_editions(users.organiser)) == [conference.edition]
    assert list(organised_editions(users.viewer)) == []
    assert list(organised_editions(users.checkin)) == []
    assert list(organised_editions(users.no_role)) == []


def test_organised_editions_of_a_superuser_are_all_editions(conference, other, users):
    assert set(organised_editions(users.superuser)) == {conference.edition, other.edition}


def test_organised_editions_of_an_inactive_organiser_are_none(conference, users):
    users.organiser.is_active = False
    users.organiser.save(update_fields=["is_active"])
    assert list(organised_editions(users.organiser)) == []


def test_an_organiser_of_two_editions_lists_both(client, mine, other, users):
    grant_role(user=users.organiser, edition=other.edition, role=Role.ORGANISER)
    client.force_login(users.organiser)
    page = changelist(client, "registration")
    assert "Aase Iår" in page
    assert "Berit Sidsteår" in page


def test_an_organiser_sees_only_their_editions_on_the_stand_map(client, conference, other, users):
    for edition in (conference.edition, other.edition):
        Stand.objects.create(edition=edition, number="A1", size="3 x 2 m", price=Decimal("9000"))
    client.force_login(users.organiser)
    response = client.get(reverse("admin:exhibitors_stand_map") + f"?edition={other.edition.pk}")
    assert response.context["edition"] != other.edition
    assert list(response.context["editions"]) == [conference.edition]


def test_publishing_offers_only_organised_editions(client, conference, other, users):
    client.force_login(users.organiser)
    response = client.get(reverse("admin:programme_programmeversion_publish"))
    assert list(response.context["form"].fields["edition"].queryset) == [conference.edition]


def _exhibitor_mail(conference, subject):
    """An e-mail to an exhibitor, through the service that sends them: it names no registration."""
    exhibitor = ExhibitorFactory(edition=conference.edition)
    email_exhibitors(exhibitors=[exhibitor], subject=subject, body="Standen åbner kl. 8.")
    return SentMessage.objects.get(subject=subject)


def test_an_organiser_sees_the_e_mails_to_their_editions_exhibitors(
    client, conference, other, users
):
    """The outbox is scoped by the message's edition, so e-mails without a registration show."""
    mine = _exhibitor_mail(conference, "Praktisk om standen i år")
    theirs = _exhibitor_mail(other, "Praktisk om standen sidste år")
    assert mine.registration_id is None and mine.edition_id == conference.edition.pk
    client.force_login(users.organiser)
    page = client.get(reverse("admin:outbox_sentmessage_changelist")).content.decode()
    assert "Praktisk om standen i år" in page
    assert "Praktisk om standen sidste år" not in page
    own = client.get(reverse("admin:outbox_sentmessage_change", args=[mine.pk]))
    assert own.status_code == 200 and "Standen åbner kl. 8." in own.content.decode()
    foreign = client.get(reverse("admin:outbox_sentmessage_change", args=[theirs.pk]))
    assert foreign.status_code == 302
