"""Issue 28: no free category (0 kr.) is reachable without an invitation code, whether or not
an organiser ticked it invitation-only: on the public form, the group form, in the service;
saving, copying and the back office's category choice keep free categories marked."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from forsamling.invitations import services as invitations
from forsamling.registration.copying import copy_edition
from forsamling.registration.invitation_codes import InvitationInvalid
from forsamling.registration.models import Category, GroupBooking, InvitationCode, Registration
from forsamling.registration.services import register_participant

from .conftest import details
from .test_pages import form_data

pytestmark = pytest.mark.django_db

REFUSED = "Kategorien Presse kræver en invitationskode fra arrangøren."


@pytest.fixture
def press(edition):
    """A free category as an edition made before the rule may hold it: not ticked."""
    category = Category.objects.create(
        edition=edition, key="presse", name="Presse", price=Decimal("0"), order=9
    )
    Category.objects.filter(pk=category.pk).update(invitation_only=False)  # past `save`
    category.refresh_from_db()
    assert not category.invitation_only
    return category


def organiser():
    return get_user_model().objects.get_or_create(username="arrangoer-gratis")[0]


def as_press(edition, press, n=1, **extra):
    return form_data(
        edition,
        idempotency_key=f"presse-{n}",
        email=f"journalist{n}@example.dk",
        category=str(press.pk),  # the tampered POST: the id typed in, no code
        **{f"slot_{edition.houses_slot.pk}": str(edition.officials_breakout.pk)},
        **extra,
    )


def single(edition):
    return reverse("public:register", kwargs={"edition": edition.slug})


def group_page(edition):
    group = GroupBooking.objects.create(
        edition=edition, organisation="KL", secretary_name="S", secretary_email="s@kl.dk"
    )
    return reverse(
        "public:registration_group", kwargs={"edition": edition.slug, "token": group.token}
    )


def test_the_form_labels_a_free_category_as_needing_a_code(client, edition, press):
    page = client.get(single(edition)).content.decode()
    assert "Presse – 0 kr. (kræver invitationskode)" in page
    assert "Embedsperson – 3.995 kr." in page and "Embedsperson – 3.995 kr. (" not in page


def label_of(html, field_id):
    start = html.index(f'<label class="form-label" for="{field_id}">')
    return html[start : html.index("</label>", start)]


@pytest.mark.parametrize("page", [single, group_page])
def test_the_code_field_says_which_categories_need_it_not_that_it_may_be_left_out(
    client, edition, press, page
):
    """With a free category on the form the code is not simply optional: the label names the
    categories that need it, the hint says the others need none."""
    html = client.get(page(edition)).content.decode()
    label = label_of(html, "id_invitation_code")
    assert "kan udelades" not in label
    assert "(kræves for Presse)" in label
    assert "Kategorien Presse kan kun vælges med en kode fra arrangøren" in html


def test_without_free_or_invitation_only_categories_the_code_may_be_left_out(client, edition):
    assert not any(category.needs_invitation for category in edition.categories.all())
    html = client.get(single(edition)).content.decode()
    assert "(kan udelades)" in label_of(html, "id_invitation_code")


@pytest.mark.parametrize("page", [single, group_page])
def test_a_free_category_without_a_code_is_refused_in_danish_and_nothing_is_stored(
    client, edition, press, page
):
    response = client.post(page(edition), as_press(edition, press))
    assert response.status_code == 400
    html = response.content.decode()
    assert REFUSED in html
    assert 'value="Mette Hansen"' in html  # nothing typed is lost
    assert not Registration.objects.exists()


@pytest.mark.parametrize("page", [single, group_page])
def test_a_free_category_with_a_valid_code_registers_and_counts_it(client, edition, press, page):
    code = invitations.create_code(edition=edition, category=press, user=organiser())
    response = client.post(page(edition), as_press(edition, press, invitation_code=code.code))
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.category, registration.email) == (press, "journalist1@example.dk")
    assert InvitationCode.objects.get().uses == 1


def test_a_wrong_code_for_a_free_category_is_refused(client, edition, press):
    other = invitations.create_code(edition=edition, category=edition.official, user=organiser())
    response = client.post(single(edition), as_press(edition, press, invitation_code=other.code))
    assert response.status_code == 400
    assert "Invitationskoden passer ikke til kategorien" in response.content.decode()
    assert not Registration.objects.exists()


def register_in(edition, category, key, **extra):
    """Mette of Aalborg registers in `category` through the service, with no sessions."""
    return register_participant(
        edition=edition, idempotency_key=key, details=details(), category=category,
        sessions=[], **extra,
    )  # fmt: skip


def test_the_service_refuses_a_free_category_without_a_code(edition, press):
    with pytest.raises(InvitationInvalid):
        register_in(edition, press, "s1")
    assert not Registration.objects.exists()
    code = invitations.create_code(edition=edition, category=press, user=organiser())
    registered = register_in(edition, press, "s2", invitation_code=code.code)
    assert registered.created and registered.registration.category == press


def test_staff_paths_register_a_free_category_without_a_code(edition, press):
    """Speakers invited by the organisers, stand staff named by their exhibitor and walk-ins
    at the desk are registered by staff (`outside_window`), as before."""
    registered = register_in(edition, press, "stab", outside_window=True)
    assert registered.created


def test_saving_a_free_category_marks_it_invitation_only(edition):
    category = Category.objects.create(edition=edition, key="gratis", name="Gratis", price=0)
    assert category.invitation_only
    edition.official.price = Decimal("0")
    edition.official.save(update_fields=["price"])
    edition.official.refresh_from_db()
    assert edition.official.invitation_only


def test_the_back_office_cannot_untick_a_free_category(edition, press):
    invitations.set_invitation_only(edition=edition, categories=[], user=organiser())
    press.refresh_from_db()
    assert press.invitation_only
    invitations.set_invitation_only(
        edition=edition, categories=[edition.stand_staff], user=organiser()
    )
    marked = set(Category.objects.filter(invitation_only=True).values_list("key", flat=True))
    assert marked == {"presse", "standpersonale"}


def test_a_copied_edition_keeps_free_categories_invitation_only(edition, press):
    copy = copy_edition(source=edition)
    assert copy.categories.get(key="presse").invitation_only
    assert not copy.categories.get(key=edition.official.key).invitation_only
