"""Every public form, posted the way a bot would: never a 5xx, nothing stored when refused.

The forms are read from the pages themselves (tests/hostile.py), so a form added to one of
these pages is fuzzed too.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forsamling.domain import audit
from forsamling.exhibitors import services as exhibitor_services
from forsamling.registration.services import register_participant
from tests.exhibitors.conftest import details as exhibitor_details
from tests.exhibitors.conftest import make_stand
from tests.hostile import fuzz_page, fuzzing_each
from tests.preferences.conftest import make_round
from tests.registration.conftest import details, edition  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

PAGES = [
    "register", "registration_resend", "registration_group_start", "registration",
    "registration_rankings", "exhibitors", "exhibitor_booking",
]  # fmt: skip


@pytest.fixture
def site(edition):  # noqa: F811
    """The edition open for registration, exhibitors and a preference round, with one of each."""
    edition.exhibitors_open_at = timezone.now() - timedelta(days=1)
    edition.exhibitors_close_at = timezone.now() + timedelta(days=10)
    edition.save()
    stands = [make_stand(edition, str(n)) for n in (1, 2, 3)]
    registration = register_participant(
        edition=edition, idempotency_key="hostile", details=details("Åse Ørum"),
        category=edition.official, sessions=[],
    ).registration  # fmt: skip
    exhibitor = exhibitor_services.book_stands(
        edition=edition, stand_ids=[stands[0].pk], details=exhibitor_details()
    )
    exhibitor_services.add_stand_staff(exhibitor=exhibitor, name="Bo", email="bo@example.dk")
    round = make_round(edition, [edition.themes_slot])
    from forsamling.preferences import services as preference_services

    preference_services.open_round(round=round, actor=audit.organiser("test"))
    own = {"edition": edition.slug, "token": registration.token}
    return {
        "register": reverse("public:register", kwargs={"edition": edition.slug}),
        "registration_resend": reverse(
            "public:registration_resend", kwargs={"edition": edition.slug}
        ),
        "registration_group_start": reverse(
            "public:registration_group_start", kwargs={"edition": edition.slug}
        ),
        "registration": reverse("public:registration", kwargs=own),
        "registration_rankings": reverse("public:registration_rankings", kwargs=own),
        "exhibitors": reverse("public:exhibitors", kwargs={"edition": edition.slug}),
        "exhibitor_booking": exhibitor.get_absolute_url(),
    }


@fuzzing_each(PAGES, max_examples=40)
def test_no_post_to_a_public_form_causes_a_server_error_or_stores_a_refused_submit(
    client, site, page, data
):
    fuzz_page(client, site[page], data)
