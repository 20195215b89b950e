"""Free and special categories only with an invitation code, checked by the server; organisers
create, limit (uses, expiry) and revoke codes per category."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from forsamling.invitations import services
from forsamling.registration.models import Category, GroupBooking, InvitationCode, Registration
from tests.registration.test_pages import form_data


@pytest.fixture
def speaker(edition):
    return Category.objects.create(
        edition=edition, key="oplaegsholder", name="Oplægsholder", price=Decimal("0"),
        order=9, invitation_only=True,
    )  # fmt: skip


@pytest.fixture
def organiser(edition):
    from forsamling.accounts.roles import grant_role
    from forsamling.domain.permissions import Role
    from tests.backoffice.conftest import make_user

    user = make_user("arrangoer", is_staff=True)
    grant_role(user=user, edition=edition, role=Role.ORGANISER)
    return user


def url(edition):
    return reverse("public:register", kwargs={"edition": edition.slug})


def as_speaker(edition, speaker, n=1, **extra):
    return form_data(
        edition,
        idempotency_key=f"k{n}",
        email=f"taler{n}@example.dk",
        category=str(speaker.pk),
        **{f"slot_{edition.houses_slot.pk}": str(edition.officials_breakout.pk)},
        **extra,
    )


def test_a_free_category_cannot_be_picked_without_a_code(client, edition, speaker):
    """The issue's finding: anyone could pick "Oplægsholder 0 kr."."""
    response = client.post(url(edition), as_speaker(edition, speaker))
    assert response.status_code == 400
    assert "kræver en invitationskode fra arrangøren" in response.content.decode()
    assert not Registration.objects.exists()


def test_the_form_labels_the_category_and_the_link_fills_in_the_code(client, edition, speaker):
    code = services.create_code(edition=edition, category=speaker, user=_anyone())
    page = client.get(url(edition) + f"?kode={code.code}").content.decode()
    assert "Oplægsholder – 0 kr. (kræver invitationskode)" in page
    assert f'value="{code.code}"' in page


def test_a_code_registers_and_counts_its_uses_up_to_the_limit(client, edition, speaker):
    code = services.create_code(edition=edition, category=speaker, user=_anyone(), max_uses=2)
    for n in range(2):
        data = as_speaker(edition, speaker, n, invitation_code=code.code.lower())
        assert client.post(url(edition), data).status_code == 302
    code.refresh_from_db()
    assert code.uses == 2 and code.status == "used_up"
    third = client.post(url(edition), as_speaker(edition, speaker, 3, invitation_code=code.code))
    assert third.status_code == 400 and "brugt op" in third.content.decode()
    assert Registration.objects.filter(category=speaker).count() == 2


def test_a_code_of_another_category_expired_or_revoked_is_refused(client, edition, speaker):
    other = services.create_code(edition=edition, category=edition.official, user=_anyone())
    expired = services.create_code(
        edition=edition, category=speaker, user=_anyone(),
        expires_at=timezone.now() - timedelta(minutes=1),
    )  # fmt: skip
    revoked = services.create_code(edition=edition, category=speaker, user=_anyone())
    services.revoke_code(invitation=revoked, user=_anyone())
    for code in [other.code, expired.code, revoked.code, "GAETTET123"]:
        response = client.post(url(edition), as_speaker(edition, speaker, invitation_code=code))
        assert response.status_code == 400, code
    assert not Registration.objects.exists()


def test_a_failed_registration_uses_nothing_and_a_retry_counts_once(client, edition, speaker):
    code = services.create_code(edition=edition, category=speaker, user=_anyone(), max_uses=1)
    data = as_speaker(edition, speaker, invitation_code=code.code)
    first = client.post(url(edition), data)
    again = client.post(url(edition), data)  # a double click: the same key
    assert again.status_code == 302 and again["Location"] == first["Location"]
    code.refresh_from_db()
    assert code.uses == 1


def test_the_group_form_checks_the_code_too(client, edition, speaker):
    group = GroupBooking.objects.create(
        edition=edition, organisation="KL", secretary_name="S", secretary_email="s@kl.dk"
    )
    path = reverse("public:registration_group", kwargs={"edition": "2026", "token": group.token})
    assert client.post(path, as_speaker(edition, speaker)).status_code == 400
    assert not Registration.objects.exists()


def test_organisers_create_limit_and_revoke_codes_in_the_back_office(
    client, edition, speaker, organiser
):
    client.force_login(organiser)
    page = f"/backoffice/konference/{edition.slug}/invitationskoder/"
    assert "Invitationskoder" in client.get(page).content.decode()
    response = client.post(
        page,
        {
            "category": speaker.pk,
            "max_uses": "3",
            "expires_at": "2030-01-01T12:00",
            "note": "Talere",
        },
    )
    assert response.status_code == 302
    code = InvitationCode.objects.get()
    assert (code.category, code.max_uses, code.note) == (speaker, 3, "Talere")
    listing = client.get(page).content.decode()
    assert f"?kode={code.code}" in listing and "Aktiv" in listing
    client.post(f"{page}{code.pk}/tilbagekald/")
    code.refresh_from_db()
    assert code.status == "revoked"
    # Which categories need a code: a free one always (issue 28), unticked or not.
    client.post(f"{page}kategorier/", {"categories": [edition.stand_staff.pk]})
    speaker.refresh_from_db()
    edition.stand_staff.refresh_from_db()
    assert speaker.invitation_only and edition.stand_staff.invitation_only
    client.post(f"{page}kategorier/", {"categories": []})
    edition.stand_staff.refresh_from_db()
    assert not edition.stand_staff.invitation_only


def test_bad_input_to_the_code_form_is_a_danish_error(client, edition, speaker, organiser):
    client.force_login(organiser)
    page = f"/backoffice/konference/{edition.slug}/invitationskoder/"
    response = client.post(page, {"category": "999999", "max_uses": "-1", "expires_at": "i går"})
    assert response.status_code == 400
    assert not InvitationCode.objects.exists()


def test_viewers_cannot_manage_codes(client, edition, speaker):
    from forsamling.accounts.roles import grant_role
    from forsamling.domain.permissions import Role
    from tests.backoffice.conftest import make_user

    viewer = make_user("laeser", is_staff=True)
    grant_role(user=viewer, edition=edition, role=Role.VIEWER)
    client.force_login(viewer)
    page = f"/backoffice/konference/{edition.slug}/invitationskoder/"
    assert client.get(page).status_code == 403
    assert client.post(page, {"category": speaker.pk}).status_code == 403
    assert not InvitationCode.objects.exists()


def _anyone():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get_or_create(username="arrangoer-x")[0]
