"""Booking, holding, moving and releasing stands; naming stand staff; e-mails after commit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from forsamling.domain import stands as rules
from forsamling.exhibitors import services
from forsamling.exhibitors.models import Exhibitor, Stand, StandChange, StandStaff
from forsamling.exhibitors.queries import stand_staff_for_edition
from tests.exhibitors.conftest import details, make_edition, make_stand

pytestmark = pytest.mark.django_db


def book(edition, *stands, **overrides):
    return services.book_stands(
        edition=edition, stand_ids=[stand.pk for stand in stands], details=details(**overrides)
    )


def test_book_stands_gives_the_exhibitor_every_chosen_stand(
    edition, stands, django_capture_on_commit_callbacks
):
    """Two free stands become booked by the new exhibitor, each change logged."""
    with django_capture_on_commit_callbacks(execute=True):
        exhibitor = book(edition, stands[0], stands[2])
    assert sorted(exhibitor.stands.values_list("number", flat=True)) == ["A1", "B1"]
    assert set(exhibitor.stands.values_list("status", flat=True)) == {"booked"}
    assert Stand.objects.get(pk=stands[1].pk).is_free
    assert StandChange.objects.filter(action="booked", exhibitor=exhibitor).count() == 2
    assert exhibitor.cvr == "55133018"
    assert len(exhibitor.token) >= 32


def test_book_stands_sends_a_danish_confirmation_with_the_private_link_after_commit(
    edition, stands, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        exhibitor = book(edition, stands[0], stands[2])
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    (message,) = mail.outbox
    assert message.to == ["soren@example.dk"]
    assert "Kære Søren Ærø" in message.body
    assert "Stand A1, 3 x 2 m, Foyer: 12.500 kr." in message.body
    assert "I alt: 28.500 kr. ekskl. moms, 35.625 kr. inkl. moms" in message.body
    assert "Stand A1, 3 x 2 m, Foyer: 12.500 kr. ekskl. moms" in message.body
    assert exhibitor.get_absolute_url() in message.body


def test_book_stands_raises_stand_taken_when_a_stand_is_already_booked(edition, stands):
    """The second exhibitor gets nothing, not even the stand that was still free."""
    book(edition, stands[0])
    with pytest.raises(rules.StandTaken) as caught:
        book(edition, stands[0], stands[1], organisation="Danske Regioner")
    assert caught.value.numbers == ["A1"]
    assert Stand.objects.get(pk=stands[1].pk).is_free
    assert not Exhibitor.objects.filter(organisation="Danske Regioner").exists()


def test_book_stands_raises_stand_taken_for_a_held_stand(edition, stands):
    services.hold_stand(stand=stands[0], note="Til KL selv")
    with pytest.raises(rules.StandTaken):
        book(edition, stands[0])


def test_book_stands_before_the_exhibitors_opening_raises_not_open(db):
    edition = make_edition(exhibitors_open_at=timezone.now() + timedelta(hours=1))
    stand = make_stand(edition, "A1")
    with pytest.raises(rules.BookingNotOpen):
        book(edition, stand)
    assert Stand.objects.get(pk=stand.pk).is_free


def test_book_stands_after_the_exhibitors_closing_raises_closed(db):
    edition = make_edition(exhibitors_close_at=timezone.now() - timedelta(minutes=1))
    stand = make_stand(edition, "A1")
    with pytest.raises(rules.BookingClosed):
        book(edition, stand)


def test_book_stands_refuses_a_stand_of_another_edition(edition, stands):
    other = make_edition(slug="andet", title="Et andet år")
    foreign = make_stand(other, "A1")
    with pytest.raises(rules.NoStandsChosen):
        book(edition, foreign)


def test_book_stands_refuses_an_invalid_cvr_even_past_the_form(edition, stands):
    with pytest.raises(rules.InvalidCVR):
        book(edition, stands[0], cvr="12345678")
    assert Stand.objects.get(pk=stands[0].pk).is_free


def test_hold_then_release_frees_the_stand_and_logs_both(edition, stands, admin_user):
    services.hold_stand(stand=stands[0], note="Sponsor", actor=admin_user)
    assert Stand.objects.get(pk=stands[0].pk).status == "held"
    services.release_stand(stand=stands[0], actor=admin_user)
    assert Stand.objects.get(pk=stands[0].pk).is_free
    actions = list(StandChange.objects.order_by("pk").values_list("action", "actor"))
    assert actions == [("held", admin_user.pk), ("released", admin_user.pk)]


def test_hold_stand_raises_stand_taken_for_a_booked_stand(edition, stands):
    book(edition, stands[0])
    with pytest.raises(rules.StandTaken):
        services.hold_stand(stand=stands[0])


def test_release_stand_frees_a_booked_stand_and_remembers_the_exhibitor(edition, stands):
    exhibitor = book(edition, stands[0])
    services.release_stand(stand=stands[0])
    stand = Stand.objects.get(pk=stands[0].pk)
    assert stand.is_free and stand.exhibitor is None
    assert StandChange.objects.filter(action="released", exhibitor=exhibitor).exists()


def test_move_stand_moves_the_booking_to_a_free_stand(edition, stands, admin_user):
    exhibitor = book(edition, stands[0])
    services.move_stand(source=stands[0], target=stands[1], actor=admin_user)
    assert list(exhibitor.stands.values_list("number", flat=True)) == ["A2"]
    assert Stand.objects.get(pk=stands[0].pk).is_free
    notes = set(
        StandChange.objects.filter(action__startswith="moved").values_list("note", flat=True)
    )
    assert notes == {"A1 → A2"}


def test_move_stand_to_a_taken_stand_raises_and_changes_nothing(edition, stands):
    first = book(edition, stands[0])
    book(edition, stands[1], organisation="Danske Regioner")
    with pytest.raises(rules.StandTaken):
        services.move_stand(source=stands[0], target=stands[1])
    assert list(first.stands.values_list("number", flat=True)) == ["A1"]


def test_add_stand_staff_within_the_passes_sends_a_confirmation_after_commit(
    edition, stands, django_capture_on_commit_callbacks
):
    exhibitor = book(edition, stands[0])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        member = services.add_stand_staff(
            exhibitor=exhibitor, name="Åse Øster", email="aase@example.dk", title="Konsulent"
        )
    assert member.exhibitor == exhibitor
    (message,) = mail.outbox
    assert message.to == ["aase@example.dk"]
    assert "Ældre Sagen har skrevet dig på som standpersonale" in message.body


def test_add_stand_staff_beyond_the_included_passes_raises_no_passes_left(edition, stands):
    """Stand A1 includes two passes: the third name is refused."""
    exhibitor = book(edition, stands[0])
    for name in ("Anna", "Bo"):
        services.add_stand_staff(exhibitor=exhibitor, name=name, email=f"{name}@example.dk")
    with pytest.raises(rules.NoPassesLeft):
        services.add_stand_staff(exhibitor=exhibitor, name="Cecilie", email="c@example.dk")
    assert exhibitor.staff.count() == 2


def test_removing_stand_staff_frees_the_pass_again(edition, stands):
    exhibitor = book(edition, stands[0])
    members = [
        services.add_stand_staff(exhibitor=exhibitor, name=name, email=f"{name}@example.dk")
        for name in ("Anna", "Bo")
    ]
    services.remove_stand_staff(member=members[0])
    services.add_stand_staff(exhibitor=exhibitor, name="Cecilie", email="c@example.dk")
    assert exhibitor.staff.count() == 2


def test_stand_staff_for_edition_lists_every_exhibitors_staff_of_that_edition_only(edition, stands):
    first = book(edition, stands[0])
    second = book(edition, stands[2], organisation="Danske Regioner")
    services.add_stand_staff(exhibitor=first, name="Anna", email="anna@example.dk")
    services.add_stand_staff(exhibitor=second, name="Bo", email="bo@example.dk", title="Chef")
    other = make_edition(slug="andet", title="Et andet år")
    other_exhibitor = book(other, make_stand(other, "A1"))
    StandStaff.objects.create(exhibitor=other_exhibitor, name="Ikke med", email="x@example.dk")
    staff = list(stand_staff_for_edition(edition))
    assert [(m.name, m.exhibitor.organisation) for m in staff] == [
        ("Bo", "Danske Regioner"),
        ("Anna", "Ældre Sagen"),
    ]


def test_email_exhibitors_sends_one_message_to_each_contact(
    edition, stands, django_capture_on_commit_callbacks
):
    book(edition, stands[0])
    book(edition, stands[1], organisation="Danske Regioner", contact_email="dr@example.dk")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after the commit
        sent = services.email_exhibitors(
            exhibitors=Exhibitor.objects.all(),
            subject="Opstilling",
            body="Standene åbner kl. 8.00.",
        )
    assert sent == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["dr@example.dk", "soren@example.dk"]
