"""The exports as the organiser opens them in Excel (issue 25): moments are date cells, the
track ("sæson") has a column, and the participant list and the badges go by surname, the
Danish way, as every list in the back office does."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from django.utils import timezone
from openpyxl import load_workbook

from forsamling.checkin.services import check_in
from forsamling.checkin.tokens import badge_code
from forsamling.outputs.jobs import plan_for
from forsamling.outputs.models import OutputKind
from forsamling.programme.models import Track
from forsamling.registration.models import Registration
from forsamling.registration.services import cancel_registration
from tests.backoffice.conftest import register


def base(conference):
    return f"/backoffice/konference/{conference.edition.slug}"


def test_xlsx_moments_are_date_cells_and_the_track_has_a_column(client, conference, people, users):
    social = Track.objects.create(
        edition=conference.edition, key="social", name="Den Socialpolitiske Sæson"
    )
    Registration.objects.filter(pk=people.bo.pk).update(track=social)
    check_in(edition=conference.edition, code=badge_code(people.bo.pk), by=users.organiser)
    client.force_login(users.organiser)
    response = client.get(f"{base(conference)}/tilmeldinger/?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    headers = [cell.value for cell in sheet[1]]
    assert headers[6:9] == ["Kategori", "Sæson", "Status"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    bo = rows["Bo Andersen"]
    assert bo[headers.index("Sæson")].value == "Den Socialpolitiske Sæson"
    registered = bo[headers.index("Tilmeldt")]
    arrived = bo[headers.index("Tjekket ind")]
    for cell in (registered, arrived):
        assert isinstance(cell.value, datetime), cell.value
        assert cell.number_format == "dd.mm.yyyy hh:mm"
    local = timezone.localtime(Registration.objects.get(pk=people.bo.pk).created_at)
    assert registered.value == local.replace(tzinfo=None, microsecond=0) or (
        abs((registered.value - local.replace(tzinfo=None)).total_seconds()) < 1
    )
    assert rows["Zara Holm"][headers.index("Tjekket ind")].value is None


def test_csv_writes_moments_the_danish_way(client, conference, people, users):
    client.force_login(users.organiser)
    body = client.get(f"{base(conference)}/tilmeldinger/?format=csv").content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    column = rows[0].index("Tilmeldt")
    local = timezone.localtime(Registration.objects.get(pk=people.bo.pk).created_at)
    bo = next(row for row in rows if row[0] == "Bo Andersen")
    assert bo[column] == local.strftime("%d.%m.%Y %H.%M")


def test_participant_list_and_badges_go_by_surname_the_danish_way(
    client, conference, people, users
):
    cancel_registration(registration=people.oline)
    register(conference, "Anna Østergaard", list_consent=True)
    register(conference, "Morten Berg", list_consent=True)
    register(conference, "Peter Aagaard", list_consent=True)  # "Aa" is "Å": last
    client.force_login(users.viewer)
    response = client.get(f"{base(conference)}/deltagerliste.xlsx")
    names = [row[0] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(
        min_row=2, values_only=True
    )]  # fmt: skip
    assert names == ["Bo Andersen", "Morten Berg", "Aase Ørum", "Anna Østergaard",
                     "Peter Aagaard"]  # fmt: skip
    badges = [r.name for r in plan_for(conference.edition, OutputKind.BADGE_SHEETS).items]
    assert badges == [
        "Bo Andersen", "Morten Berg", "Ægir Bøgh", "Zara Holm", "Aase Ørum", "Anna Østergaard",
        "Peter Aagaard",
    ]  # fmt: skip
