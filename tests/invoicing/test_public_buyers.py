"""The shipped list of municipalities and regions (`invoicing/data/public_buyers.json`): CVR
numbers and postal addresses from public sources, filled into an existing database by
migrations 0007, 0008 and 0009 without overwriting what organisers edited, and carried into the
Peppol file of a municipal invoice."""

from __future__ import annotations

import json
import re
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from lxml import etree

import forsamling.invoicing
from forsamling.domain.stands import is_valid_cvr
from forsamling.invoicing import services, validation
from forsamling.invoicing.models import Invoice, PublicBuyer
from forsamling.invoicing.ubl import CBC, Document, peppol_xml
from tests.invoicing.conftest import EAN_ODENSE, register

DATA = Path(forsamling.invoicing.__file__).parent / "data" / "public_buyers.json"
# "Rådhus Allé 7", "Holbækvej 141B", "Kirkestræde 11-15": a street name, then a house number
# (with a letter or a range of numbers); a town: "Aalborg Øst", "København V".
STREET = re.compile(r"[^\W\d][\w.' -]*? \d{1,4}[A-Z]?(-\d{1,4}[A-Z]?)?")
POSTCODE = re.compile(r"[1-9]\d{3}")
TOWN = re.compile(r"[^\W\d][\w.' -]*[^\W\d_.]")
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


def test_every_shipped_address_is_whole_and_well_formed():
    """An address is street and number, a 4-digit postcode and the town, or entirely blank;
    a postcode always goes with the same town, and the count in the list's notes is true."""
    rows = shipped()
    filled = [r for r in rows if r["street"] or r["postcode"] or r["city"]]
    assert [r["name"] for r in filled if not (r["street"] and r["postcode"] and r["city"])] == []
    bad = [
        (r["name"], r["street"], r["postcode"], r["city"])
        for r in filled
        if not (
            STREET.fullmatch(r["street"])
            and POSTCODE.fullmatch(r["postcode"])
            and TOWN.fullmatch(r["city"])
        )
    ]
    assert bad == []
    towns: dict[str, set[str]] = {}
    for r in filled:
        towns.setdefault(r["postcode"], set()).add(r["city"])
    assert {code: names for code, names in towns.items() if len(names) > 1} == {}
    assert len(filled) == 83
    about = json.loads(DATA.read_text(encoding="utf-8"))["about"]
    assert f"({len(filled)} of 103)" in about["source"]
    assert f"| Address | {len(filled)} of 103" in (DATA.parent / "README.md").read_text()
    # Spot checks against sources named in data/README.md.
    by_name = {r["name"]: (r["street"], r["postcode"], r["city"]) for r in rows}
    assert by_name["Hvidovre Kommune"] == ("Hvidovrevej 278", "2650", "Hvidovre")
    assert by_name["Varde Kommune"] == ("Bytoften 2", "6800", "Varde")
    assert by_name["Assens Kommune"] == ("Rådhus Allé 5", "5610", "Assens")
    assert by_name["Glostrup Kommune"] == ("Rådhusparken 2", "2600", "Glostrup")


def test_the_address_pattern_refuses_what_is_not_an_address():
    assert STREET.fullmatch("Holbækvej 141B") and STREET.fullmatch("Kirkestræde 11-15")
    for street in ("", "Rådhuset", "141B", "Torvet 1, 5800 Nyborg", "Torvet 1 "):
        assert not STREET.fullmatch(street), street
    for postcode in ("800", "08000", "0800", "DK-8000"):
        assert not POSTCODE.fullmatch(postcode), postcode
    for town in ("", "8000", "Aarhus C 8000", " Aarhus"):
        assert not TOWN.fullmatch(town), town


@pytest.mark.parametrize(
    "module", ["0008_fill_public_buyer_addresses", "0009_fill_more_public_buyer_addresses"]
)
def test_migrations_0008_and_0009_fill_blank_addresses_only(db, module):
    migration = import_module(f"forsamling.invoicing.migrations.{module}")
    PublicBuyer.objects.all().delete()
    PublicBuyer.objects.create(name="Hvidovre Kommune", kind="municipality")  # all blank
    PublicBuyer.objects.create(name="Assens Kommune", kind="municipality")  # added for 0009
    PublicBuyer.objects.create(name="Albertslund Kommune", kind="municipality")  # none listed
    PublicBuyer.objects.create(
        name="Nyborg Kommune", kind="municipality", street="Vestergade 1", postcode="5800",
        city="Nyborg",
    )  # fmt: skip  # an organiser's own address
    PublicBuyer.objects.create(name="Varde Kommune", kind="municipality", postcode="6800")

    migration.fill(apps, None)
    migration.fill(apps, None)  # a second run changes nothing

    def address(name: str) -> tuple[str, str, str, str]:
        entry = PublicBuyer.objects.get(name=name)
        return (entry.street, entry.postcode, entry.city, entry.cvr)

    # The address is filled; the CVR number is 0007's business and stays as it was.
    assert address("Hvidovre Kommune") == ("Hvidovrevej 278", "2650", "Hvidovre", "")
    assert address("Assens Kommune") == ("Rådhus Allé 5", "5610", "Assens", "")
    assert address("Albertslund Kommune") == ("", "", "", "")
    assert address("Nyborg Kommune") == ("Vestergade 1", "5800", "Nyborg", "")
    assert address("Varde Kommune") == ("", "6800", "", "")  # half an address: left alone
    assert PublicBuyer.objects.count() == 5  # deleted entries are not brought back


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
