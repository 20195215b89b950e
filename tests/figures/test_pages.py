"""The "Tal og rapport" page, its workbook and its PDF, for the seeded edition."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from forsamling.accounts.roles import grant_role
from forsamling.domain.permissions import Role
from tests.backoffice.conftest import make_user
from tests.factories import organiser_client


def url(name, edition):
    return reverse(f"backoffice:{name}", args=[edition.slug])


def test_the_page_shows_the_figures_with_a_table_for_every_chart(client, seeded):
    response = organiser_client(client).get(url("figures", seeded.edition))
    assert response.status_code == 200
    html = response.content.decode()
    assert "7 af 98 kommuner og 2 af 5 regioner var repræsenteret." in html
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" viewBox') == 3
    for chart_id in ("chart-regions", "chart-first-hour", "chart-days"):
        assert f'aria-labelledby="{chart_id}"' in html
    assert "Social- og Sundhedsudvalget" in html
    assert "Ældreudvalget" not in html  # named by one only
    assert "4,2 (5 svar)" in html
    assert "under 5 svar" in html
    assert "7.500,00 kr." in html
    overview = client.get(url("overview", seeded.edition)).content.decode()
    assert url("figures", seeded.edition) in overview


def test_a_staff_user_without_a_role_is_refused(client, seeded):
    client.force_login(make_user("uden-rolle", is_staff=True))
    assert client.get(url("figures", seeded.edition)).status_code == 403
    assert client.get(url("figures_xlsx", seeded.edition)).status_code == 403


def test_the_workbook_holds_numbers_as_numbers(client, seeded):
    response = organiser_client(client).get(url("figures_xlsx", seeded.edition))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    compare = {row[0]: row[1:] for row in book["Sammenligning"].iter_rows(values_only=True)}
    assert compare["Tal"] == ("2026",)
    assert compare["Kommuner repræsenteret (af 98)"] == (7,)
    assert compare["Udeblevet"] == (4,)
    assert compare["Faktureret (kr. inkl. moms)"] == (7500.0,)
    assert compare["Udestående (kr. inkl. moms)"] == (5000.0,)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2, min_col=2):
            for cell in row:
                if cell.value is not None and sheet.title not in {"Sessioner", "Dag for dag"}:
                    assert cell.data_type == "n", (sheet.title, cell.coordinate, cell.value)
    sessions = list(book["Sessioner"].iter_rows(min_row=2, values_only=True))
    assert ("Psykiatri", "Temamøder", 6, 300, 2, 1, 4.2, 5) in sessions


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler-utils")
def test_the_pdf_is_rendered(client, seeded, tmp_path):
    response = organiser_client(client).get(url("figures_pdf", seeded.edition))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    pdf = tmp_path / "tal.pdf"
    pdf.write_bytes(response.content)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "side")], check=True)
    assert sorted(p.name for p in tmp_path.glob("side-*.png"))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "7 af 98 kommuner" in text


def test_a_viewer_reads_and_downloads_the_door_staff_do_not(client, seeded):
    viewer, door = make_user("laeser", is_staff=True), make_user("doer", is_staff=True)
    grant_role(user=viewer, edition=seeded.edition, role=Role.VIEWER)
    grant_role(user=door, edition=seeded.edition, role=Role.CHECKIN)
    client.force_login(viewer)
    assert (
        url("figures_xlsx", seeded.edition)
        in client.get(url("figures", seeded.edition)).content.decode()
    )
    assert client.get(url("figures_xlsx", seeded.edition)).status_code == 200
    client.force_login(door)
    for name in ("figures", "figures_xlsx", "figures_pdf"):
        assert client.get(url(name, seeded.edition)).status_code == 403


def pdf_text(content, tmp_path):
    pdf = tmp_path / "tal.pdf"
    pdf.write_bytes(content)
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def comparison_labels(content):
    book = load_workbook(io.BytesIO(content))
    return {row[0] for row in book["Sammenligning"].iter_rows(values_only=True)}


REVENUE_ROWS = {
    "Faktureret (kr. inkl. moms)",
    "Krediteret (kr. inkl. moms)",
    "Udestående (kr. inkl. moms)",
}


def figures_seen_as(role, client, seeded, tmp_path):
    """The figures page, the comparison sheet's row labels and the PDF's text, as a new user
    with `role` for the seeded edition gets them."""
    user = make_user(f"{role}-tal", is_staff=True)
    grant_role(user=user, edition=seeded.edition, role=role)
    client.force_login(user)
    html = client.get(url("figures", seeded.edition)).content.decode()
    labels = comparison_labels(client.get(url("figures_xlsx", seeded.edition)).content)
    text = pdf_text(client.get(url("figures_pdf", seeded.edition)).content, tmp_path)
    return html, labels, text


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_a_viewer_sees_no_revenue_on_the_page_or_in_the_downloads(client, seeded, tmp_path):
    """Revenue needs the invoices' right: a viewer gets the counts without it, everywhere."""
    html, labels, text = figures_seen_as(Role.VIEWER, client, seeded, tmp_path)
    assert "7 af 98 kommuner" in html
    assert "Omsætning</h2>" not in html
    assert "7.500,00" not in html and "Faktureret" not in html and "Udestående" not in html
    assert "Omsætningen vises kun for dem, der må se fakturaerne." in html
    assert "Udeblevet" in labels and not labels & REVENUE_ROWS
    assert "7 af 98 kommuner" in text
    assert "Faktureret" not in text and "Udestående" not in text and "7.500,00" not in text


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_an_organiser_who_may_invoice_sees_the_revenue_everywhere(client, seeded, tmp_path):
    html, labels, text = figures_seen_as(Role.ORGANISER, client, seeded, tmp_path)
    assert "Omsætning</h2>" in html and "7.500,00 kr." in html
    assert "Omsætningen vises kun" not in html
    assert labels.issuperset(REVENUE_ROWS)
    assert "Faktureret" in text and "7.500,00" in text
