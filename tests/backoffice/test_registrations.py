"""The registration list: search and filters; CSV and XLSX with æøå and Danish order."""

import csv
import io

import pytest
from openpyxl import load_workbook

from forsamling.backoffice.queries import RegistrationFilter, registrations
from forsamling.domain.audit import organiser
from forsamling.registration.services import cancel_registration

# By surname, Danish: Andersen, Bøgh, Holm, Ørum, Ås (æ, ø, å last; "aa" as "å").
DANISH_ORDER = ["Bo Andersen", "Ægir Bøgh", "Zara Holm", "Aase Ørum", "Øline Ås"]


def url(conference, query=""):
    return f"/backoffice/konference/{conference.edition.slug}/tilmeldinger/{query}"


def names(conference, **wanted):
    return [r.name for r in registrations(conference.edition, RegistrationFilter(**wanted))]


def test_list_is_sorted_the_danish_way(conference, people):
    assert names(conference) == DANISH_ORDER


def test_search_finds_name_email_organisation_and_title(conference, people):
    assert names(conference, q="ørum") == ["Aase Ørum"]
    assert names(conference, q="ærø kom") == ["Ægir Bøgh"]
    assert names(conference, q="direktør") == ["Bo Andersen"]
    assert names(conference, q=people.zara.email) == ["Zara Holm"]


def test_filter_by_session_takes_seated_and_waiting(conference, people):
    assert names(conference, session=conference.small.pk) == [
        "Bo Andersen",
        "Ægir Bøgh",
        "Aase Ørum",
    ]


def test_filter_by_category_and_organisation(conference, people):
    assert names(conference, category=conference.stand.pk) == ["Øline Ås"]
    assert names(conference, organisation="Aabenraa Kommune") == ["Zara Holm", "Aase Ørum"]


def test_filter_by_status(conference, people):
    cancel_registration(registration=people.zara)
    assert "Zara Holm" not in names(conference)
    assert names(conference, status="cancelled") == ["Zara Holm"]
    assert len(names(conference, status="all")) == 5


def test_filter_from_the_query_string_ignores_nonsense():
    wanted = RegistrationFilter.from_query({"session": "x", "status": "evil", "q": " å "})
    assert wanted == RegistrationFilter(q="å")


def test_list_page_shows_filters_and_people(client, conference, people, users):
    client.force_login(users.viewer)
    html = client.get(url(conference, f"?category={conference.stand.pk}")).content.decode()
    assert "Øline Ås" in html and "Bo Andersen" not in html
    assert "format=csv" in html and "format=xlsx" in html


def test_list_page_query_count_does_not_grow(
    client, conference, people, users, django_assert_num_queries
):
    from tests.backoffice.conftest import register

    client.force_login(users.organiser)
    client.get(url(conference))
    for i in range(20):
        register(conference, f"Ekstra {i}", sessions=[conference.big])
    # session, user, edition, roles, registrations, their choices, three filter lists, site
    with django_assert_num_queries(10):
        assert client.get(url(conference)).status_code == 200


def test_csv_is_danish_excel_friendly(client, conference, people, users):
    client.force_login(users.viewer)
    response = client.get(url(conference, "?format=csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "tilmeldinger-2026.csv" in response["Content-Disposition"]
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Navn", "E-mail", "Telefon", "Organisation"]
    assert [row[0] for row in rows[1:]] == DANISH_ORDER
    aase = rows[4]
    assert aase[3] == "Aabenraa Kommune" and aase[4] == "Rådmand"
    assert "Temamøde 1: Ældrepleje på øerne" in aase


def test_xlsx_reads_back_with_aeoeaa_intact(client, conference, people, users):
    client.force_login(users.organiser)
    response = client.get(url(conference, "?format=xlsx&organisation=Ærø+Kommune&behov=1"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Navn"
    assert rows[1][:4] == ("Ægir Bøgh", people.aeble.email, None, "Ærø Kommune")
    assert "Kørestol" in rows[1]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_of_a_session_lists_its_waiting_list(client, conference, people, users, fmt):
    client.force_login(users.organiser)
    response = client.get(url(conference, f"?format={fmt}&session={conference.small.pk}"))
    assert response.status_code == 200
    if fmt == "csv":
        text = response.content.decode("utf-8-sig")
        bo = next(line for line in text.splitlines() if line.startswith("Bo Andersen"))
        assert "Ældrepleje på øerne" in bo.split(";")[10]  # the waiting-list column


def test_participant_list_has_only_those_who_consented(client, conference, people, users):
    cancel_registration(registration=people.oline)
    client.force_login(users.viewer)
    response = client.get(f"/backoffice/konference/{conference.edition.slug}/deltagerliste.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows == [
        ("Navn", "Stilling", "Organisation"),
        ("Bo Andersen", "Direktør", "Aalborg Kommune"),
        ("Aase Ørum", "Rådmand", "Aabenraa Kommune"),
    ]


def test_a_registrations_page_shows_details_log_arrival_and_messages(
    client, conference, people, users, django_assert_max_num_queries
):
    from forsamling.checkin.services import check_in
    from forsamling.checkin.tokens import badge_code
    from forsamling.outbox.models import Mailing
    from forsamling.registration.mailings import deliver

    check_in(edition=conference.edition, code=badge_code(people.aase.pk), by=users.checkin)
    mailing = Mailing.objects.create(
        edition=conference.edition, audience="dinner", audience_label="x", subject="Middag",
        body="b",
    )  # fmt: skip
    deliver(mailing.pk)
    client.force_login(users.viewer)
    with django_assert_max_num_queries(12):
        response = client.get(url(conference, f"{people.aase.pk}/"))
    html = response.content.decode()
    assert "Aase Ørum" in html and "5798000000001" in html
    assert "Vegetar" not in html  # a viewer: needs are for organisers only (issue 15)
    assert "doer (indtjekning) tjekkede deltageren ind" in html
    assert "Aase Ørum tilmeldte sig med Temamøde 1" in html
    assert "Middag" in html and "Ældrepleje på øerne" in html


def test_a_registration_of_another_edition_is_not_found(client, conference, people, users):
    from tests.backoffice.conftest import make_conference

    other = make_conference("2027")
    client.force_login(users.superuser)
    response = client.get(
        f"/backoffice/konference/{other.edition.slug}/tilmeldinger/{people.bo.pk}/"
    )
    assert response.status_code == 404


def test_invoice_basis_as_xlsx_with_amounts_as_numbers(client, conference, people, users):
    from decimal import Decimal

    client.force_login(users.organiser)
    response = client.get(f"/backoffice/konference/{conference.edition.slug}/fakturagrundlag.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Organisation" and rows[0][-1] == "Beløb (kr.)"
    aabenraa = [row for row in rows[1:] if row[0] == "Aabenraa Kommune"]
    assert [row[3] for row in aabenraa] == ["Zara Holm", "Aase Ørum"]
    assert aabenraa[1][1:3] == ("5798000000001", "PO-17")
    assert sum(Decimal(str(row[-1])) for row in rows[1:]) == Decimal("17880.5")


def test_the_log_reads_as_danish_sentences(client, conference, people, users):
    from forsamling.registration.services import change_choices

    change_choices(
        registration=people.bo,
        sessions=[conference.big],
        actor=organiser(users.organiser.get_username()),
    )
    users.organiser.first_name, users.organiser.last_name = "Maja", "Jensen"
    users.organiser.save()
    client.force_login(users.viewer)

    page = client.get(f"/backoffice/konference/2026/tilmeldinger/{people.bo.pk}/").content.decode()

    assert (
        "Maja Jensen (arrangør) skiftede fra Temamøde 1: Ældrepleje på øerne "
        "til Temamøde 2: Psykiatri"
    ) in page
    assert "Bo Andersen tilmeldte sig med Temamøde 1: Ældrepleje på øerne" in page
    assert "choices_changed" not in page


def test_two_thousand_registrations_list_by_surname_in_pages_with_few_queries(
    client, conference, users, django_assert_max_num_queries
):
    """The list's queries do not grow with its rows; it pages by 100, surnames A to Å."""
    import time as clock

    from django.utils import timezone

    from forsamling.registration.models import Registration

    surnames = ["Aagaard", "Andersen", "Bøgh", "Holm", "Ørum", "Ærø", "Nielsen", "Åberg"]
    Registration.objects.bulk_create(
        Registration(
            edition=conference.edition,
            idempotency_key=f"bulk-{n}",
            name=f"Deltager{n:04d} {surnames[n % len(surnames)]}",
            email=f"d{n}@example.dk",
            organisation="Aalborg Kommune",
            category=conference.official,
            terms_accepted_at=timezone.now(),
        )
        for n in range(2000)
    )
    client.force_login(users.viewer)
    started = clock.monotonic()
    with django_assert_max_num_queries(14):
        first = client.get(url(conference)).content.decode()
    assert clock.monotonic() - started < 10
    with django_assert_max_num_queries(14):
        last = client.get(url(conference, "?side=20")).content.decode()
    assert "2000 tilmeldinger" in first
    assert "Andersen" in first and "Åberg" not in first
    assert "Aagaard" in last and "Andersen" not in last
    searched = client.get(url(conference, "?q=deltager0007")).content.decode()
    assert "Deltager0007 Åberg" in searched and "1 tilmelding" in searched
