"""The registration POST at 10.00 stays as cheap as it was (issues 12 and 13)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forsamling.registration import seats

from .test_pages import form_data, url

pytestmark = pytest.mark.django_db

# Measured on the code before issues 12 and 13 (commit 535b91e): with the one-second reads
# of production (`forsamling.core.recent`) warm, and with them off as in the other tests.
# Issue 13 adds two reads to the cold path: the published programme's times, which decide
# overlaps, and the edition's parallel tracks; in production both are among the one-second
# reads, so the rush does not pay them.
# Issue 14 adds the rate limits' counters (one upsert for the address and the e-mail domain;
# on a key's first hit in a window, also the delete of its older windows): 2 statements here,
# 1 in production's steady state. The upsert commits on its own, without a disk flush; until
# the sixth session of issue 22 it had a transaction of its own, 2 statements more here (a
# savepoint and its release) and 3 more in production (BEGIN, SET LOCAL and COMMIT).
# Issue 15 records the ticked list consent (one insert) with the notice's wording, which is
# a one-second read the form page does not warm (one select).
# Issue 28 limits the dinner's seats like a session's: a yes to the dinner reads the edition's
# dinner session, a one-second read the form page does not warm (one select); with none, no
# seat is taken and nothing more is locked.
RATE_LIMIT = 2
CONSENT = 2
DINNER = 1
POST_QUERIES_WARM = 8 + RATE_LIMIT + CONSENT + DINNER
POST_QUERIES_COLD = 12 + 2 + RATE_LIMIT + CONSENT + DINNER


def post_queries(client, edition) -> int:
    assert client.get(url(edition)).status_code == 200  # the rush: the form was just shown
    with CaptureQueriesContext(connection) as context:
        response = client.post(url(edition), form_data(edition))
    assert response.status_code == 302
    return len(context.captured_queries)


def test_the_registration_post_needs_no_more_queries_than_before(client, edition, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    assert post_queries(client, edition) == POST_QUERIES_WARM


def test_without_the_one_second_reads_too(client, edition):
    assert post_queries(client, edition) == POST_QUERIES_COLD


# The edition's overall capacity (issue 13, "Pladser i alt"): without one (above) nothing is
# added; with one, the registration's last statement is one conditional UPDATE of the
# edition's counter row. The form page's notice of a full edition is read on the GET.
EDITION_CAPACITY = 1


def test_with_an_overall_capacity_the_post_costs_one_update_more(client, edition, settings):
    edition.capacity = 500
    edition.save(update_fields=["capacity"])
    seats.recount_places(edition)
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    assert post_queries(client, edition) == POST_QUERIES_WARM + EDITION_CAPACITY


def test_with_an_overall_capacity_without_the_one_second_reads_too(client, edition):
    edition.capacity = 500
    edition.save(update_fields=["capacity"])
    seats.recount_places(edition)
    assert post_queries(client, edition) == POST_QUERIES_COLD + EDITION_CAPACITY


# The confirmation page follows every registration at 10.00: with the one-second reads warm it
# reads the registration, its programme and what its notices need (the EAN warning, whether
# there is anything to rank in an open preference round) in one query.
def test_the_confirmation_page_is_one_query_with_a_preference_round_open(client, edition, settings):
    from forsamling.preferences import services as rounds
    from tests.preferences.conftest import ORGANISER, make_round

    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    rounds.open_round(round=make_round(edition, [edition.themes_slot]), actor=ORGANISER)
    assert client.get(url(edition)).status_code == 200
    done = client.post(url(edition), form_data(edition))
    assert done.status_code == 302
    client.get(done["Location"])  # warms the one-second reads, as the rush has them
    with CaptureQueriesContext(connection) as context:
        page = client.get(done["Location"])
    assert page.status_code == 200
    assert "Nogle sessioner fordeles efter prioritering" in page.content.decode()
    assert len(context.captured_queries) == 1, [q["sql"] for q in context.captured_queries]
