"""The back office: hold, release and move stands; the stand map; exports; e-mail to exhibitors."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from forsamling.exhibitors import services
from forsamling.exhibitors.models import Exhibitor, Stand, StandChange
from tests.exhibitors.conftest import details

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(edition, stands):
    """Three exhibitors whose names sort differently in Danish than in ASCII."""
    names = ["Aalborg Kommune", "Ældre Sagen", "Bedre Psykiatri"]
    return [
        services.book_stands(
            edition=edition, stand_ids=[stand.pk], details=details(organisation=name)
        )
        for name, stand in zip(names, stands, strict=True)
    ]


def run_action(client, model: str, action: str, objects, **extra):
    url = reverse(f"admin:exhibitors_{model}_changelist")
    data = {"action": action, ACTION_CHECKBOX_NAME: [obj.pk for obj in objects], **extra}
    return client.post(url, data)


def test_hold_and_release_actions_change_the_stands_and_log_the_organiser(
    admin_client, admin_user, stands
):
    run_action(admin_client, "stand", "hold_stands", stands[:2])
    assert set(
        Stand.objects.filter(pk__in=[s.pk for s in stands[:2]]).values_list("status", flat=True)
    ) == {"held"}
    run_action(admin_client, "stand", "release_stands", stands[:1])
    assert Stand.objects.get(pk=stands[0].pk).is_free
    assert StandChange.objects.filter(actor=admin_user).count() == 3


def test_hold_action_on_a_booked_stand_reports_it_in_danish(admin_client, edition, stands):
    services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    response = run_action(admin_client, "stand", "hold_stands", stands[:1])
    page = admin_client.get(response["Location"]).content.decode()
    assert "Standen er desværre lige blevet booket" in page
    assert Stand.objects.get(pk=stands[0].pk).status == "booked"


def test_move_action_asks_for_a_free_stand_and_moves_the_booking(admin_client, edition, stands):
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    page = run_action(admin_client, "stand", "move_stand", stands[:1]).content.decode()
    assert "Flyt Ældre Sagen fra stand A1 til en ledig stand." in page
    run_action(admin_client, "stand", "move_stand", stands[:1], apply="1", target=stands[1].pk)
    assert list(exhibitor.stands.values_list("number", flat=True)) == ["A2"]


def test_stand_map_in_the_back_office_shows_occupancy(admin_client, edition, booked, floor_plan):
    services.release_stand(stand=booked[2].stands.get())
    services.hold_stand(stand=Stand.objects.get(number="B1"), note="KL")
    page = admin_client.get(reverse("admin:exhibitors_stand_map") + f"?edition={edition.pk}")
    text = re.sub(r"\s+", " ", page.content.decode())
    assert "Ledige: 0 · Reserverede: 1 · Bookede: 2" in text
    assert "Aalborg Kommune" in text and "stand-marker--held" in text


def test_exhibitor_list_can_be_searched_by_cvr_and_stand(admin_client, booked):
    url = reverse("admin:exhibitors_exhibitor_changelist")
    page = admin_client.get(url, {"q": "A2"}).content.decode()
    assert "Ældre Sagen" in page and "Bedre Psykiatri" not in page


def test_csv_export_keeps_aeoeaa_and_sorts_the_danish_way(admin_client, booked):
    response = run_action(admin_client, "exhibitor", "export_csv", booked)
    assert response["Content-Disposition"] == 'attachment; filename="udstillere.csv"'
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Organisation", "CVR-nummer", "Kontaktperson"]
    assert [row[0] for row in rows[1:]] == ["Bedre Psykiatri", "Ældre Sagen", "Aalborg Kommune"]
    assert rows[1][2] == "Søren Ærø"
    assert rows[1][9] == "16000,00"


def test_xlsx_export_keeps_aeoeaa_and_sorts_the_danish_way(admin_client, booked):
    response = run_action(admin_client, "exhibitor", "export_xlsx", booked)
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Bedre Psykiatri", "Ældre Sagen", "Aalborg Kommune"]
    assert sheet["C2"].value == "Søren Ærø"
    assert sheet["J2"].value == 16000


def test_email_action_shows_a_form_then_sends_to_each_selected_exhibitor(
    admin_client, booked, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    page = run_action(admin_client, "exhibitor", "email_selected", booked[:2]).content.decode()
    assert "E-mailen sendes til 2 udstillere" in page
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after the commit
        run_action(
            admin_client, "exhibitor", "email_selected", booked[:2],
            apply="1", subject="Opstilling af stande", body="Standene kan stilles op fra kl. 7.00.",
        )  # fmt: skip
    assert len(mail.outbox) == 2
    assert {m.subject for m in mail.outbox} == {"Opstilling af stande"}


def test_email_action_without_a_subject_shows_the_form_again(admin_client, booked):
    response = run_action(
        admin_client, "exhibitor", "email_selected", booked[:1], apply="1", subject="", body="x"
    )
    assert response.status_code == 200
    assert mail.outbox == [] or all(m.subject != "" for m in mail.outbox)


def test_exhibitor_change_page_shows_the_private_link(admin_client, booked):
    exhibitor = booked[0]
    page = admin_client.get(reverse("admin:exhibitors_exhibitor_change", args=[exhibitor.pk]))
    assert exhibitor.get_absolute_url() in page.content.decode()


def test_stand_log_is_read_only(admin_client, booked):
    change = StandChange.objects.first()
    assert admin_client.get(reverse("admin:exhibitors_standchange_changelist")).status_code == 200
    assert (
        admin_client.post(
            reverse("admin:exhibitors_standchange_delete", args=[change.pk])
        ).status_code
        == 403
    )


def test_stand_position_must_be_given_as_both_coordinates(admin_client, edition):
    response = admin_client.post(
        reverse("admin:exhibitors_stand_add"),
        {
            "edition": edition.pk, "number": "D1", "size": "2 x 2 m", "price": "5000",
            "included_passes": 1, "position_x": "50", "position_y": "",
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "Angiv både placering fra venstre og fra toppen" in response.content.decode()
    assert not Exhibitor.objects.exists() and not Stand.objects.filter(number="D1").exists()


def test_stand_positions_can_be_set_from_the_list(admin_client, edition, stands):
    """Organisers place the markers by typing percentages straight into the stand list."""
    url = reverse("admin:exhibitors_stand_changelist")
    data = {
        "form-TOTAL_FORMS": "3", "form-INITIAL_FORMS": "3", "_save": "Gem",
        **{f"form-{i}-id": str(stand.pk) for i, stand in enumerate(stands)},
        **{f"form-{i}-position_x": "55" for i in range(3)},
        **{f"form-{i}-position_y": "45" for i in range(3)},
    }  # fmt: skip
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert set(Stand.objects.values_list("position_x", flat=True)) == {55}


def test_floor_plan_change_page_links_to_the_stand_map(admin_client, floor_plan):
    page = admin_client.get(reverse("admin:exhibitors_floorplan_change", args=[floor_plan.pk]))
    assert reverse("admin:exhibitors_stand_map") in page.content.decode()


def test_stand_map_shows_the_floor_plan_even_before_the_edition_is_public(
    admin_client, client, edition, stands, floor_plan
):
    edition.is_public = False
    edition.save()
    page = admin_client.get(reverse("admin:exhibitors_stand_map") + f"?edition={edition.pk}")
    image_url = reverse("admin:exhibitors_floor_plan", args=[edition.pk])
    assert f'<img src="{image_url}?v=' in page.content.decode()
    assert admin_client.get(image_url)["Content-Type"] == "image/png"
    assert client.get(image_url).status_code == 302  # organisers only


def test_exports_keep_typed_formulas_as_text(admin_client, edition, stands):
    """An organisation typed as a formula is exported as text, never run by Excel."""
    exhibitor = services.book_stands(
        edition=edition, stand_ids=[stands[0].pk], details=details(organisation="=HYPERLINK(1)")
    )
    content = run_action(admin_client, "exhibitor", "export_csv", [exhibitor]).content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8").lstrip("\ufeff")), delimiter=";"))
    assert rows[1][0] == "'=HYPERLINK(1)"
    response = run_action(admin_client, "exhibitor", "export_xlsx", [exhibitor])
    cell = load_workbook(io.BytesIO(response.content)).active["A2"]
    assert cell.value == "=HYPERLINK(1)"
    assert cell.data_type == "s"


def test_stand_actions_need_the_change_permission(client, django_user_model, edition, stands):
    """Staff who may only view stands cannot hold or release them through the admin."""
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("seer", "seer@example.org", "pw", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_stand"))
    client.force_login(viewer)
    run_action(client, "stand", "hold_stands", stands[:1])
    stands[0].refresh_from_db()
    assert not Stand.objects.filter(pk=stands[0].pk, status="held").exists()


def test_stand_map_without_an_edition_shows_the_edition_selected_in_its_menu(
    admin_client, edition, booked
):
    """Issue 25: without ?edition= the map showed 0 / 0 / 0, for the front page's edition
    (which has no stands), while the menu offered only the editions that have stands."""
    from datetime import timedelta

    from tests.factories import EditionFactory

    newer = EditionFactory(
        slug="naeste-aar",
        year=edition.year + 1,
        start_date=edition.start_date + timedelta(days=365),
        end_date=edition.end_date + timedelta(days=365),
        is_public=True,
        is_demo=False,
    )
    assert newer.stands.count() == 0
    page = admin_client.get(reverse("admin:exhibitors_stand_map"))
    text = re.sub(r"\s+", " ", page.content.decode())
    assert "Ledige: 0 · Reserverede: 0 · Bookede: 3" in text
    assert f'<option value="{edition.pk}" selected>' in text
