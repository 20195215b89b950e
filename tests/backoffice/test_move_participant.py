"""Organisers move a participant between sessions, as the seat rules allow, and it is logged."""

from django.contrib.messages import get_messages

from forsamling.registration.models import AuditEntry, Choice, ChoiceStatus


def move_url(conference, registration):
    return f"/backoffice/konference/{conference.edition.slug}/tilmeldinger/{registration.pk}/flyt/"


def page_url(conference, registration):
    return f"/backoffice/konference/{conference.edition.slug}/tilmeldinger/{registration.pk}/"


def status_in(registration):
    choice = Choice.objects.get(registration=registration)
    return choice.session_id, choice.status


def test_moving_a_participant_frees_the_seat_for_the_first_in_line(
    client, conference, people, users
):
    """Aase leaves the full small session for the big one; Bo, first in line, gets her seat."""
    assert status_in(people.bo) == (conference.small.pk, ChoiceStatus.WAITING)
    client.force_login(users.organiser)
    response = client.post(
        move_url(conference, people.aase),
        {"slot": conference.small.slot_id, "session": conference.big.pk},
    )
    assert response.status_code == 302
    assert status_in(people.aase) == (conference.big.pk, ChoiceStatus.CONFIRMED)
    assert status_in(people.bo) == (conference.small.pk, ChoiceStatus.CONFIRMED)
    entry = AuditEntry.objects.filter(registration=people.aase).latest("at")
    assert (entry.actor, entry.action) == ("arrangør:arrangoer", "choices_changed")


def test_moving_into_a_full_session_gives_a_place_in_line_and_says_so(
    client, conference, people, users
):
    """Nobody is seated over capacity, not even by an organiser."""
    client.force_login(users.organiser)
    response = client.post(
        move_url(conference, people.zara),
        {"slot": conference.small.slot_id, "session": conference.small.pk},
        follow=True,
    )
    assert status_in(people.zara) == (conference.small.pk, ChoiceStatus.WAITING)
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("ventelisten" in text for text in texts)


def test_viewers_and_check_in_staff_cannot_move_anyone(client, conference, people, users):
    """Only organisers change registrations."""
    for user in (users.viewer, users.checkin):
        client.force_login(user)
        response = client.post(
            move_url(conference, people.zara),
            {"slot": conference.small.slot_id, "session": conference.small.pk},
        )
        assert response.status_code == 403
    assert status_in(people.zara) == (conference.big.pk, ChoiceStatus.CONFIRMED)


def test_the_move_form_is_shown_to_organisers_only(client, conference, people, users):
    """The registration page offers the move to organisers, not to viewers."""
    client.force_login(users.organiser)
    assert "Flyt deltageren" in client.get(page_url(conference, people.zara)).content.decode()
    client.force_login(users.viewer)
    assert "Flyt deltageren" not in client.get(page_url(conference, people.zara)).content.decode()
