"""The demo's registrations can be invoiced end to end: the demo loader gives the demo
edition a seller, and what visitors register becomes valid Peppol invoices."""

from __future__ import annotations

import io
import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.exhibitors.services import ExhibitorDetails, add_stand_staff, book_stands
from forsamling.invoicing import services
from forsamling.invoicing.models import Seller
from forsamling.registration.models import Category
from forsamling.registration.services import ParticipantDetails, register_participant
from tests.invoicing.conftest import (
    EAN_AALBORG,
    assert_every_issued_document_passes,
    council_group,
    ensure_public_buyers,
)


def load_and_open_demo():
    """The demo loaded, with the public buyers, and its registration open since a minute ago;
    returns it and its politicians' category."""
    ensure_public_buyers()
    call_command("load_demo", stdout=io.StringIO())
    demo = Edition.objects.get(slug="demo")
    demo.registration_opens_at = timezone.now() - timedelta(minutes=1)
    demo.save()
    return demo, Category.objects.get(edition=demo, key="politiker")


def register_politician(demo, politician, **details):
    return register_participant(
        edition=demo, idempotency_key=uuid.uuid4().hex, category=politician, sessions=[],
        details=ParticipantDetails(**details),
    )  # fmt: skip


@pytest.mark.django_db
def test_the_demo_is_invoiced_end_to_end(tmp_path):
    ensure_public_buyers()
    call_command("load_demo", stdout=io.StringIO())
    demo, politician = load_and_open_demo()  # loaded again: one seller, left as it was
    seller = Seller.objects.get(edition=demo)
    assert (seller.cvr, seller.number_prefix) == ("55133018", "DEMO-")
    register_politician(
        demo, politician, name="Aase Ørum", email="aase@example.dk",
        organisation="Aalborg Kommune", ean=EAN_AALBORG, order_reference="PO-1",
        person_reference="AAOER",
    )  # fmt: skip
    council_group(
        demo, "Odense Kommune", politician, 3,
        each={"ean": "5790000705184", "order_reference": "ODE-2026"},
    )  # fmt: skip
    exhibitor = book_stands(
        edition=demo,
        stand_ids=[demo.stands.get(number="A1").pk],
        details=ExhibitorDetails(
            organisation="Velfærdsteknologi ApS", cvr="10150817", contact_name="Mette Holm",
            contact_email="mette@example.dk", contact_phone="12345678",
            invoice_address="Industrivej 4\n8000 Aarhus C", invoice_reference="PO-7",
        ),
    )  # fmt: skip
    add_stand_staff(exhibitor=exhibitor, name="Anna Berg", email="anna@example.dk")

    out = tmp_path / "eksport"
    call_command("issue_invoices", "--edition", "demo", stdout=io.StringIO())
    call_command("export_invoices", "--edition", "demo", "--out", str(out), stdout=io.StringIO())

    assert sorted(p.name for p in out.iterdir()) == [
        "DEMO-0001.pdf", "DEMO-0001.xml",  # Odense's group of three
        "DEMO-0002.pdf",  # the exhibitor has no EAN: PDF only
        "DEMO-0003.pdf", "DEMO-0003.xml",  # Aalborg (sorted last: "Aa" is "Å")
    ]  # fmt: skip
    assert_every_issued_document_passes()
    assert services.draft_invoices(edition=demo) == []


@pytest.mark.django_db
def test_the_demo_organiser_invoices_the_demo_in_the_back_office(client):
    import zipfile

    from django.contrib.auth import get_user_model

    from forsamling.demo.management.commands.load_demo import DEMO_USERNAME
    from forsamling.invoicing.models import Invoice

    demo, politician = load_and_open_demo()
    for name, organisation, ean in (
        ("Aase Ørum", "Aalborg Kommune", EAN_AALBORG),
        ("Bo Berg", "Danske Ældreråd", ""),
    ):
        register_politician(
            demo, politician, name=name, email=f"{uuid.uuid4().hex[:8]}@example.dk",
            organisation=organisation, ean=ean, order_reference="PO-1",
        )  # fmt: skip
    client.force_login(get_user_model().objects.get(username=DEMO_USERNAME))
    base = "/backoffice/konference/demo/fakturaer/"
    client.post(base + "dan-kladder/")
    response = client.post(base + "udsted/")
    assert response.status_code == 302
    numbers = sorted(Invoice.objects.filter(edition=demo).values_list("number", flat=True))
    assert numbers == ["DEMO-0001", "DEMO-0002"]
    run = Invoice.objects.filter(edition=demo).values_list("run", flat=True).first()
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{base}koersel/{run}.zip").content))
    assert sorted(archive.namelist()) == ["DEMO-0001.pdf", "DEMO-0002.xml"]
    assert_every_issued_document_passes()


@pytest.mark.django_db
def test_a_municipality_registered_without_ean_in_the_demo_waits_then_passes_peppol(tmp_path):
    """The demo's DEMO-0042 case: Vejen Kommune registered with no EAN, no address and only a
    person's name. It is not issued as a PDF: `issue_invoices` reports it waiting (exit 0),
    and once an organiser gives the EAN and reference, its Peppol file carries the town
    hall's address from the shipped list and that reference, and passes the official rules."""
    from lxml import etree

    from forsamling.invoicing.models import Invoice
    from forsamling.invoicing.ubl import Document, peppol_xml

    demo, politician = load_and_open_demo()
    register_politician(
        demo, politician, name="Vera Vejen", email="vera@example.dk", organisation="Vejen Kommune"
    )
    out, err = io.StringIO(), io.StringIO()
    call_command("issue_invoices", "--edition", "demo", stdout=out, stderr=err)
    assert "0 issued, 0 refused, 1 blocked" in out.getvalue()
    assert "Vejen Kommune" in err.getvalue() and "EAN-nummer" in err.getvalue()
    draft = Invoice.objects.get(edition=demo, buyer_name="Vejen Kommune")
    assert draft.state == "draft" and draft.buyer_reference == ""

    services.complete_draft(
        invoice=draft, fix=services.BuyerFix(ean="5790000705184", reference="VEJ-4411")
    )
    call_command("issue_invoices", "--edition", "demo", stdout=io.StringIO())
    invoice = Invoice.objects.select_related("edition__seller").get(
        edition=demo, buyer_name="Vejen Kommune"
    )
    assert invoice.number == "DEMO-0001"
    root = etree.fromstring(peppol_xml(Document.of(invoice)))
    ns = {
        "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
        "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    }
    address = "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/"
    assert [root.findtext(address + tag, namespaces=ns)
            for tag in ("cbc:StreetName", "cbc:PostalZone", "cbc:CityName")] == [
        "Rådhuspassagen 3", "6600", "Vejen"]  # fmt: skip
    assert root.findtext("cbc:BuyerReference", namespaces=ns) == "VEJ-4411"
    assert_every_issued_document_passes()
