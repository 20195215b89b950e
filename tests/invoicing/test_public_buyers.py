"""The shipped list of municipalities and regions (`invoicing/data/public_buyers.json`): CVR
numbers from public sources, filled into an existing database by migration 0007 without
overwriting what organisers edited, and carried into the Peppol file of a municipal invoice."""

from __future__ import annotations

import json
from importlib import import_module
from pathlib import Path

from django.apps import apps
from lxml import etree

import forsamling.invoicing
from forsamling.domain.stands import is_valid_cvr
from forsamling.invoicing import services, validation
from forsamling.invoicing.models import Invoice, PublicBuyer
from forsamling.invoicing.ubl import CBC, Document, peppol_xml
from tests.invoicing.conftest import EAN_ODENSE, register

DATA = Path(forsamling.invoicing.__file__).parent / "data" / "public_buyers.json"
NS = {"cbc": CBC, "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"}


def shipped() -> list[dict[str, str]]:
    return json.loads(DATA.read_text(encoding="utf-8"))["buyers"]


def test_every_municipality_and_region_has_a_valid_and_distinct_cvr_number():
    rows = shipped()
    assert [r["kind"] for r in rows].count("municipality") == 98
    assert [r["kind"] for r in rows].count("region") == 5
    bad = [(r["name"], r["cvr"]) for r in rows if not is_valid_cvr(r["cvr"])]
    assert bad == []
    assert len({r["cvr"] for r in rows}) == 103
    by_name = {r["name"]: r["cvr"] for r in rows}
    # Spot checks against the numbers the municipalities print themselves.
    assert by_name["Aarhus Kommune"] == "55133018"
    assert by_name["Aalborg Kommune"] == "29189420"
    assert by_name["Region Hovedstaden"] == "29190623"


def test_no_main_ean_is_shipped_and_the_sources_are_named():
    """A municipality has one EAN number per unit: none is guessed for the whole body."""
    assert {r["ean"] for r in shipped()} == {""}
    about = json.loads(DATA.read_text(encoding="utf-8"))["about"]
    assert len(about["sources"]) >= 3
    assert (DATA.parent / "README.md").exists()


def test_migration_0007_fills_blanks_and_keeps_what_organisers_edited(db):
    migration = import_module("forsamling.invoicing.migrations.0007_fill_public_buyer_cvr")
    PublicBuyer.objects.all().delete()
    PublicBuyer.objects.create(name="Albertslund Kommune", kind="municipality")
    PublicBuyer.objects.create(name="Aarhus Kommune", kind="municipality")  # blank address
    PublicBuyer.objects.create(
        name="Vejen Kommune", kind="municipality", cvr="29189420", city="Vejen"
    )  # an organiser's CVR and half an address: left alone

    migration.fill(apps, None)

    albertslund = PublicBuyer.objects.get(name="Albertslund Kommune")
    assert (albertslund.cvr, albertslund.street) == ("66137112", "")
    aarhus = PublicBuyer.objects.get(name="Aarhus Kommune")
    assert (aarhus.cvr, aarhus.street, aarhus.postcode, aarhus.city) == (
        "55133018",
        "Rådhuspladsen 2",
        "8000",
        "Aarhus C",
    )
    vejen = PublicBuyer.objects.get(name="Vejen Kommune")
    assert (vejen.cvr, vejen.street, vejen.city) == ("29189420", "", "Vejen")
    assert PublicBuyer.objects.count() == 3  # deleted entries are not brought back


def test_a_municipal_invoice_carries_the_cvr_as_legal_entity_and_passes_peppol(conference):
    """Registered without a CVR: the invoice takes Odense Kommune's CVR from the list as the
    buyer's legal registration (BT-47, scheme 0184), and the file passes the BIS rules."""
    register(conference, "Ole Odense", organisation="Odense Kommune", ean=EAN_ODENSE)
    [draft] = services.draft_invoices(edition=conference.edition)
    assert draft.buyer_cvr == "35209115"
    run = services.issue_drafts(edition=conference.edition)
    [invoice] = run.issued
    invoice = Invoice.objects.select_related("edition__seller", "credits").get(pk=invoice.pk)
    xml = peppol_xml(Document.of(invoice))
    report = validation.check_peppol(xml)
    assert report.ok, str(report)
    legal = etree.fromstring(xml).find(
        "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID", NS
    )
    assert legal is not None
    assert (legal.text, legal.get("schemeID")) == ("35209115", "0184")


def test_a_municipality_without_its_own_ean_still_waits_although_the_cvr_is_known(conference):
    register(conference, "Vera Vejen", organisation="Vejen Kommune", order_reference="")
    [vejen] = services.draft_invoices(edition=conference.edition)
    assert vejen.buyer_cvr == "29189838"
    assert [str(m) for m in vejen.blocked_because] == ["ean", "reference"]
    run = services.issue_drafts(edition=conference.edition)
    assert run.issued == [] and [i.buyer_name for i, _ in run.blocked] == ["Vejen Kommune"]
