"""The prize as a juror, a nominator and a visitor meet it (issue 25): made-up demo prizes say
they are example data wherever they show; an empty nomination says which fields it needs; the
nomination page's alerts carry their icon; the ranking counts every conflicted juror."""

from __future__ import annotations

import os

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from forsamling.domain.prizes import REQUIRED_FOR_SUBMISSION
from forsamling.prizes.models import Conflict, Nomination, Prize
from forsamling.prizes.queries import ranking
from tests.outputs.pdf_text import needs_poppler, pdf_text
from tests.prizes.conftest import make_juror, make_nomination

EXAMPLE = "Eksempeldata"


@pytest.fixture
def decided(seed_editions):
    from forsamling.demo.prize import load_decided_prize

    prize = load_decided_prize(seed_editions[2023], timezone.now())
    assert prize is not None
    return prize


@pytest.mark.django_db
def test_the_decided_demo_prize_says_example_data_on_every_page(client: Client, decided):
    assert decided.is_example
    pages = [
        "/2023/forebyggelsespris/",
        f"/2023/forebyggelsespris/projekt/{decided.winner_id}/",
        "/2023/forebyggelsespris/inspiration/",
    ]
    for path in pages:
        html = client.get(path).content.decode()
        assert EXAMPLE in html, path
        assert 'class="icon-svg alert-icon"' in html
    programme = client.get("/2023/program/").content.decode()
    assert "Vinder: Havbad hele året, Esbjerg Kommune (eksempeldata)" in programme
    assert "Røgfri skoletid, Vejle Kommune (eksempeldata)" in programme


@needs_poppler
@pytest.mark.django_db
def test_the_demo_catalogue_pdf_says_example_data(client: Client, decided):
    pdf = client.get("/2023/forebyggelsespris/inspirationskatalog.pdf").content
    assert EXAMPLE in pdf_text(pdf)


@pytest.mark.django_db
def test_a_real_prize_carries_no_example_notice(client: Client, decided):
    Prize.objects.filter(pk=decided.pk).update(is_example=False)
    assert EXAMPLE not in client.get("/2023/forebyggelsespris/").content.decode()
    assert "(eksempeldata)" not in client.get("/2023/program/").content.decode()


@pytest.mark.django_db
def test_an_empty_nomination_names_every_field_it_needs(client: Client, setup) -> None:
    url = f"/{setup.edition.slug}/forebyggelsespris/indstil/"
    response = client.post(url, {"action": "submit"})
    assert response.status_code == 422
    form = response.context["form"]
    assert set(form.errors) == set(REQUIRED_FOR_SUBMISSION)
    html = response.content.decode()
    assert html.count("Skal udfyldes, før indstillingen kan indsendes.") >= 2 * len(
        REQUIRED_FOR_SUBMISSION
    )  # beside each field and in the summary
    saved = client.post(url, {"action": "save"})
    assert "Udfyld mindst ét felt, før du gemmer." in saved.content.decode()
    assert set(saved.context["form"].errors) == {"__all__", *REQUIRED_FOR_SUBMISSION}
    assert not Nomination.objects.exists()


@pytest.mark.django_db
def test_the_nomination_pages_alerts_show_their_icon(client: Client, setup) -> None:
    nomination = make_nomination(setup.prize)
    html = client.get(nomination.get_absolute_url()).content.decode()
    alert = html[html.index('<div class="alert alert-success">') :][:400]
    assert 'class="icon-svg alert-icon"' in alert and "#success" in alert
    Prize.objects.filter(pk=setup.prize.pk).update(nominations_close_at=timezone.now())
    html = client.get(nomination.get_absolute_url()).content.decode()
    alert = html[html.index('<div class="alert alert-warning" role="status">') :][:400]
    assert 'class="icon-svg alert-icon"' in alert and "#warning" in alert


@pytest.mark.django_db
def test_the_rankings_conflicts_count_own_municipality_and_declared(setup) -> None:
    prize = setup.prize
    chair = make_juror(prize, "formand", municipality="Odense", is_chair=True)
    make_juror(prize, "aalborgenser", municipality="Aalborg")
    make_juror(prize, "fanoe", municipality="Fanø")
    aalborg = make_nomination(prize, municipality="Aalborg", nominator_municipality="Aalborg")
    esbjerg = make_nomination(prize, municipality="Esbjerg", nominator_municipality="Fanø")
    vejle = make_nomination(prize, municipality="Vejle", nominator_municipality="Vejle")
    Conflict.objects.create(juror=chair, nomination=esbjerg, reason="Min søster leder det")
    conflicts = {row.nomination.pk: row.conflicts for row in ranking(prize)}
    assert conflicts == {aalborg.pk: 1, esbjerg.pk: 2, vejle.pk: 0}


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [390, 1280])
def test_an_empty_nomination_sent_in_the_browser_lists_the_required_fields(
    page, live_server, assert_accessible, width
) -> None:
    from tests.prizes.conftest import make_prize

    setup = make_prize()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/{setup.edition.slug}/forebyggelsespris/indstil/")
    page.get_by_role("button", name="Indsend indstillingen").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    for label in ("Kommunen bag projektet", "Projektets navn", "Kontaktperson", "E-mail"):
        expect(summary.get_by_role("link", name=label)).to_have_count(1)
    expect(page.get_by_label("Projektets navn")).to_have_attribute("aria-invalid", "true")
    expect(summary.locator("svg.alert-icon")).to_have_count(1)
    folder = os.environ.get("FORSAMLING_SHOTS")
    if folder:
        page.screenshot(path=f"{folder}/nomination-empty-{width}.png", full_page=True)
    assert_accessible(page)
