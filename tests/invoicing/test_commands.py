"""The two commands do what the back office's bulk actions do, for scripts and checks."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from forsamling.invoicing.models import Invoice, State
from forsamling.invoicing.services import credit_invoice
from forsamling.registration.models import Registration
from tests.invoicing.conftest import EAN_AALBORG, register
from tests.outputs.pdf_text import pdf_text


def test_issue_invoices_drafts_and_issues_everything_due(conference):
    register(conference, "A", ean=EAN_AALBORG)
    register(conference, "B", organisation="Foreningen X")
    out = io.StringIO()
    call_command(
        "issue_invoices", "--edition", conference.edition.slug, "--date", "2026-03-02", stdout=out
    )
    assert Invoice.objects.filter(issue_date="2026-03-02").count() == 2
    assert "2 issued, 0 refused" in out.getvalue()
    assert set(Invoice.objects.values_list("state", flat=True)) == {State.ISSUED}
    out = io.StringIO()
    call_command("issue_invoices", edition=conference.edition.slug, stdout=out)  # again
    assert "0 issued, 0 refused" in out.getvalue()
    assert "Nothing left to issue." in out.getvalue()


def test_issue_invoices_says_which_could_not_be_issued_and_fails(conference):
    bad = register(conference, "Bad", organisation="Vejle Kommune")
    Registration.objects.filter(pk=bad.pk).update(ean="1234567890123")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "issue_invoices", edition=conference.edition.slug, stderr=err, stdout=io.StringIO()
        )
    assert "Vejle Kommune" in err.getvalue()
    assert "EAN-nummeret 1234567890123 er ikke gyldigt" in err.getvalue()


def test_export_invoices_writes_xml_and_pdf_per_document(conference, tmp_path):
    register(conference, "A", ean=EAN_AALBORG)
    register(conference, "B", organisation="Foreningen X")
    call_command("issue_invoices", edition=conference.edition.slug, stdout=io.StringIO())
    first = Invoice.objects.get(buyer_ean=EAN_AALBORG)
    credit_invoice(invoice=first, reason="Forkert køber")
    out = tmp_path / "eksport"
    call_command(
        "export_invoices", edition=conference.edition.slug, out=str(out), stdout=io.StringIO()
    )

    names = sorted(p.name for p in out.iterdir())
    ean_one, other = (first.number, Invoice.objects.get(buyer_ean="").number)
    assert names == sorted(
        [
            f"{ean_one}.xml",
            f"{ean_one}.pdf",
            f"{other}.pdf",
            "FORUM2026-0003.xml",
            "FORUM2026-0003.pdf",
        ]
    )
    assert "Kreditnota FORUM2026-0003" in pdf_text((out / "FORUM2026-0003.pdf").read_bytes())


def test_export_invoices_as_oioubl(conference, tmp_path):
    register(conference, "A", ean=EAN_AALBORG)
    call_command("issue_invoices", edition=conference.edition.slug, stdout=io.StringIO())
    call_command(
        "export_invoices", edition=conference.edition.slug, out=str(tmp_path), profile="oioubl",
        stdout=io.StringIO(),
    )  # fmt: skip
    content = (tmp_path / "FORUM2026-0001.oioubl.xml").read_bytes()
    assert b"<cbc:CustomizationID>OIOUBL-2.1</cbc:CustomizationID>" in content


def test_unknown_edition_is_an_error(db):
    with pytest.raises(CommandError):
        call_command("export_invoices", edition="nope", out="/tmp/x")
