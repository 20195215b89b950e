"""A conference with registrations, the seller's data (KL), and a folder for the outbox."""

from __future__ import annotations

import uuid
from decimal import Decimal
from types import SimpleNamespace

import pytest

from forsamling.exhibitors.models import Stand, StandStaff
from forsamling.exhibitors.staff_registrations import STAND_STAFF_KEY
from forsamling.invoicing.models import Seller
from forsamling.registration.groups import GroupMember, register_group
from forsamling.registration.models import Category
from forsamling.registration.services import ParticipantDetails, substitute_participant
from tests.backoffice.conftest import make_conference
from tests.backoffice.conftest import register as register_participant
from tests.factories import ExhibitorFactory

__all__ = ["make_conference", "register"]


def register(conference, name, **extra):
    """A participant (of Aalborg Kommune unless told) with the order number a municipality's
    purchase gives ("PO-2026"), as a finance office needs one to match the invoice."""
    extra.setdefault("order_reference", "PO-2026")
    return register_participant(conference, name, **extra)


EAN_AALBORG = "5798000000001"  # check digit valid
EAN_ODENSE = "5790000705184"


def hand_over_to_a_colleague(registration):
    """The place goes to "Ny Kollega" of Aalborg, with Aalborg's EAN and the order PO-1."""
    return substitute_participant(
        registration=registration,
        details=ParticipantDetails(
            name="Ny Kollega", email="ny@aalborg.dk", organisation="Aalborg Kommune",
            ean=EAN_AALBORG, order_reference="PO-1",
        ),
    )  # fmt: skip


def council_group(edition, town, category, count, each=None, **invoice_details):
    """`count` members of `town`'s council ("Byrådsmedlem 0" …) in `category`, registered as a
    group by the town's secretary Sara; `each`: more details of every member."""
    return register_group(
        edition=edition, organisation=town, secretary_name="Sara Sekretær",
        secretary_email="sara@example.dk", **invoice_details,
        members=[GroupMember(idempotency_key=uuid.uuid4().hex, category=category,
                             details=ParticipantDetails(name=f"Byrådsmedlem {i}",
                                                        email=f"b{i}@example.dk",
                                                        organisation=town, **(each or {})))
                 for i in range(count)],
    )  # fmt: skip


def make_seller(edition, **extra) -> Seller:
    values = {
        "name": "KL (Kommunernes Landsforening)",
        "street": "Weidekampsgade 10",
        "postcode": "2300",
        "city": "København S",
        "cvr": "55133018",
        "contact_name": "Forum-sekretariatet",
        "contact_email": "forum@kl.dk",
        "contact_phone": "33703370",
        "payment_means": "42",
        "bank_branch": "1551",
        "bank_account": "1234567890",
        "payment_terms_days": 30,
        "number_prefix": "FORUM2026-",
        **extra,
    }
    return Seller.objects.create(edition=edition, **values)


@pytest.fixture(autouse=True)
def _outbox(settings, tmp_path):
    settings.FORSAMLING_INVOICE_OUTBOX = str(tmp_path / "outbox")
    return tmp_path / "outbox"


@pytest.fixture
def outbox(_outbox):
    return _outbox


def ensure_public_buyers() -> None:
    """The shipped list of municipalities and regions, as the data migration loads it: a
    transactional test's database was emptied by the test before it."""
    import json
    from pathlib import Path

    from forsamling.invoicing.models import PublicBuyer

    if PublicBuyer.objects.exists():
        return
    import forsamling.invoicing

    data = Path(forsamling.invoicing.__file__).parent / "data" / "public_buyers.json"
    PublicBuyer.objects.bulk_create(
        PublicBuyer(**row) for row in json.loads(data.read_text(encoding="utf-8"))["buyers"]
    )


@pytest.fixture
def conference(db):
    """The conference; after the test, every document it issued is checked (see below)."""
    ensure_public_buyers()
    c = make_conference()
    c.seller = make_seller(c.edition)
    yield c
    assert_every_issued_document_passes()


def make_exhibitor(
    edition, *, organisation="Velfærdsteknologi ApS", ean="", staff=(), stands=(), pass_price="1995"
):
    """Stands are (number, price, included passes); each pass costs the edition's stand-staff
    category's price, `pass_price` (the category is made or changed here)."""
    Category.objects.update_or_create(
        edition=edition,
        key=STAND_STAFF_KEY,
        defaults={"name": "Standpersonale", "price": Decimal(pass_price)},
    )
    exhibitor = ExhibitorFactory(
        edition=edition, organisation=organisation, invoice_reference="PO-STAND-7", ean=ean
    )
    for number, price, passes in stands:
        Stand.objects.create(
            edition=edition, number=number, size="3 x 2 m", price=Decimal(price),
            included_passes=passes, status="booked", exhibitor=exhibitor,
        )  # fmt: skip
    for name in staff:
        StandStaff.objects.create(exhibitor=exhibitor, name=name, email=f"{name[:3]}@example.dk")
    return exhibitor


@pytest.fixture
def exhibitor(conference):
    return make_exhibitor(
        conference.edition,
        stands=[("A1", "12500", 2), ("C2", "8500", 1)],
        staff=["Anna Berg", "Bo Dahl", "Carl Enø"],
    )


def people(conference, n, **extra):
    return [register(conference, f"Deltager {i:02d}", **extra) for i in range(n)]


@pytest.fixture
def ns():
    return SimpleNamespace


def assert_every_issued_document_passes() -> None:
    """Every issued invoice and credit note with an EAN buyer, in its Peppol form, passes the
    UBL schema and the CEN and Peppol rules with no fatal error."""
    from forsamling.invoicing import validation
    from forsamling.invoicing.models import Invoice
    from forsamling.invoicing.ubl import Document, peppol_xml

    documents = (
        Invoice.objects.exclude(state="draft")
        .exclude(buyer_ean="")
        .select_related("edition__seller", "credits")
    )
    for invoice in documents:
        report = validation.check_peppol(peppol_xml(Document.of(invoice)))
        assert report.ok, f"{invoice.number}:\n{report}"
