"""The front page follows the edition's year (issue 13), and the demo is its own year."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.demo.edition import DEMO_SLUG
from forsamling.domain import audit
from forsamling.preferences.models import PreferenceRound, RoundStatus
from forsamling.programme.models import Item
from tests.demo.open_demo import load_the_open_demo, register_mette
from tests.registration.conftest import make_edition

pytestmark = pytest.mark.django_db


def coming(**overrides):
    """An edition two months ahead (the registration fixture's dates are fixed)."""
    today = timezone.localdate()
    values = {"start_date": today + timedelta(days=60), "end_date": today + timedelta(days=61)}
    return make_edition(**{**values, **overrides})


def page(client, edition) -> str:
    response = client.get(reverse("public:edition", kwargs={"edition": edition.slug}))
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_before_the_opening_the_front_page_counts_down(client):
    now = timezone.now()
    edition = coming(registration_opens_at=now + timedelta(days=3))
    html = page(client, edition)
    assert "Tilmeldingen åbner" in html and 'id="countdown"' in html
    assert "public/countdown.js" in html


def test_while_open_the_front_page_has_a_clear_sign_up_button(client):
    html = page(client, coming())
    assert 'class="button button-primary" href="/2026/tilmelding/">Tilmeld dig</a>' in html


def test_when_closed_the_front_page_says_what_to_do(client):
    now = timezone.now()
    edition = make_edition(
        registration_opens_at=now - timedelta(days=30),
        registration_closes_at=now - timedelta(hours=1),
        start_date=(now + timedelta(days=5)).date(),
        end_date=(now + timedelta(days=6)).date(),
    )
    html = page(client, edition)
    assert "Tilmeldingen er lukket" in html and "mailto:forum@kl.dk" in html
    assert ">Tilmeld dig</a>" not in html


def test_after_the_conference_a_thank_you_the_programme_and_the_next_edition(client):
    today = timezone.localdate()
    past = make_edition(
        slug="2025",
        year=2025,
        title="Forum 2025",
        start_date=today - timedelta(days=10),
        end_date=today - timedelta(days=9),
        registration_opens_at=timezone.now() - timedelta(days=90),
        registration_closes_at=timezone.now() - timedelta(days=20),
    )
    assert "Tak for Forum 2025" in page(client, past)
    assert "Læs om" not in page(client, past)
    make_edition(slug="2026", title="Forum 2026", start_date=today + timedelta(days=300),
                 end_date=today + timedelta(days=301), is_public=True)  # fmt: skip
    assert "Læs om Forum 2026" in page(client, past)


def test_an_archived_programme_no_longer_says_it_is_updated(client, seed_editions):
    html = " ".join(client.get("/2023/program/").content.decode().split())
    assert "opdateres løbende" not in html
    assert "Til udviklere" in html and "Schedule" not in html
    changes = client.get("/2023/program/aendringer/").content.decode()
    assert "opdateres løbende" not in changes


def test_the_demo_edition_speaks_of_its_own_dates_and_has_a_preference_round(client):
    call_command("load_demo", verbosity=0)
    demo = Edition.objects.get(slug=DEMO_SLUG)
    texts = " ".join([demo.headline, demo.lead, demo.intro, demo.closing])
    assert "2026" not in texts
    assert "2027" in demo.headline
    html = page(client, demo)
    assert "7.–8. maj 2026" not in html
    round = PreferenceRound.objects.get(edition=demo)
    assert round.status == RoundStatus.OPEN
    assert [slot.title for slot in round.slots.all()] == ["Politiske forsamlingshuse"]
    # The registration form leaves the ranked breakout to the round.
    slot = Item.objects.get(edition=demo, title="Politiske forsamlingshuse")
    assert f'name="slot_{slot.pk}"' not in client.get(f"/{DEMO_SLUG}/tilmelding/").content.decode()


def test_english_pages_use_english_formats(client):
    edition = make_edition(start_date=date(2026, 5, 7), end_date=date(2026, 5, 8))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = " ".join(client.get(f"/{edition.slug}/tilmelding/").content.decode().split())
    assert "7–8 May 2026" in html and "maj" not in html


def test_a_new_user_ranks_the_demo_breakout_and_gets_the_published_result(client):
    from forsamling.preferences import services as rounds

    demo, demo_opening = load_the_open_demo()  # opened a minute ago
    registration = register_mette(demo, "demo-rank")
    round = PreferenceRound.objects.get(edition=demo)
    assert round.opens_at == demo_opening  # the round opens with registration
    round.opens_at = demo.registration_opens_at
    round.save(update_fields=["opens_at"])
    slot = round.slots.get()
    rank_page = f"/{DEMO_SLUG}/tilmelding/{registration.token}/prioriteringer/"
    page_html = client.get(rank_page).content.decode()
    assert f'name="slot_{slot.pk}_1"' in page_html  # the ranking form accepts the breakout
    first = slot.sessions.filter(audience__in=["everyone", "politicians"]).first()
    response = client.post(rank_page, {"round": round.pk, f"slot_{slot.pk}_1": first.pk})
    assert response.status_code == 302

    rounds.close_round(round=round, actor=audit.DEMO)  # what the demo organiser does
    rounds.run_allocation(round=round, actor=audit.DEMO)
    rounds.publish_round(round=round, actor=audit.DEMO)
    result = " ".join(client.get(rank_page).content.decode().split())
    assert "Pladserne er fordelt. Du har fået:" in result and first.title in result
