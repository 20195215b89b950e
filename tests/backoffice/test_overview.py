"""The live overview: its figures, its plot, its fragment, and a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forsamling.backoffice import queries
from forsamling.backoffice.charts import cumulative_svg
from forsamling.checkin.services import check_in
from forsamling.checkin.tokens import badge_code
from forsamling.registration.models import Registration
from forsamling.registration.services import cancel_registration
from tests.backoffice.conftest import register


def url(conference, suffix=""):
    return f"/backoffice/konference/{conference.edition.slug}/overblik/{suffix}"


def test_overview_counts_registrations_dinner_and_arrivals(conference, people, users):
    cancel_registration(registration=people.zara)
    check_in(edition=conference.edition, code=badge_code(people.bo.pk), by=users.checkin)
    o = queries.overview(conference.edition)
    assert (o.active, o.cancelled, o.dinner, o.checked_in) == (4, 1, 2, 1)


def test_overview_counts_by_category_and_organisation(conference, people):
    o = queries.overview(conference.edition)
    by_category = [(category.name, n) for category, n in o.by_category]
    assert by_category == [("Kommunalpolitiker", 3), ("Embedsperson", 1), ("Standpersonale", 1)]
    assert o.by_organisation[0] == ("Aabenraa Kommune", 2)
    assert o.organisations == 4


def test_overview_shows_seats_and_waiting_list_per_session(conference, people):
    lines = {line.session.pk: line for line in queries.overview(conference.edition).sessions}
    small = lines[conference.small.pk]
    assert (small.taken, small.capacity, small.waiting, small.is_full) == (2, 2, 1, True)
    assert (lines[conference.big.pk].taken, lines[conference.big.pk].waiting) == (2, 0)


def test_dietary_needs_are_summarised_regardless_of_case_and_spaces(conference, people):
    o = queries.overview(conference.edition)
    assert o.dietary == [("Vegetar", 2)]
    assert o.accessibility == [("Kørestol", 1)]


def test_registrations_over_time_per_day(conference, people):
    Registration.objects.filter(pk=people.aase.pk).update(
        created_at=timezone.now() - timedelta(days=3)
    )
    per_day = queries.overview(conference.edition).per_day
    assert [n for _day, n in per_day] == [1, 4]


def test_plot_is_an_svg_with_a_title_and_the_total():
    from datetime import date

    svg = cumulative_svg([(date(2026, 2, 25), 3), (date(2026, 2, 27), 2)], title="Tilmeldinger")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<title" in svg and ">Tilmeldinger<" in svg
    assert ">5<" in svg and "25. feb." in svg and "27. feb." in svg


def test_plot_escapes_its_title_and_copes_with_no_data():
    svg = cumulative_svg([], title="<b>")
    assert "&lt;b&gt;" in svg and "<path" not in svg


def test_overview_page_has_the_plot_and_refreshes_by_itself(client, conference, people, users):
    client.force_login(users.viewer)
    html = client.get(url(conference)).content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert 'data-refresh-url="' in html and "refresh.js" in html
    assert "Ældrepleje på øerne" in html
    assert f"tilmeldinger/?session={conference.small.pk}" in html
    assert f"session__id__exact={conference.small.pk}&amp;status__exact=waiting" in html
    assert "?organisation=Aabenraa%20Kommune" in html


def test_fragment_is_the_figures_without_the_page(client, conference, people, users):
    client.force_login(users.viewer)
    html = client.get(url(conference, "?fragment=1")).content.decode()
    assert "<svg" in html and "<html" not in html


def overview_queries(client, conference):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url(conference))
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["organiser", "superuser"])
def test_overview_runs_the_same_queries_for_10_and_200_registrations(
    client, conference, users, who
):
    client.force_login(getattr(users, who))

    def add(numbers):
        for i in numbers:
            register(
                conference,
                f"Deltager {i}",
                organisation=f"Kommune {i % 37}",
                sessions=[conference.big],
                dinner=bool(i % 2),
                dietary=f"Kost {i % 5}",
            )

    add(range(10))
    few = overview_queries(client, conference)
    add(range(10, 200))
    many = overview_queries(client, conference)
    assert few == many
    # session, user, edition, the user's roles (not for a superuser), eight for the figures,
    # and one for the site's context processor
    assert many == (13 if who == "organiser" else 12)  # +1: the count per parallel track
