"""Drafting, issuing and crediting: what goes on which invoice, and the series' numbers."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from forsamling.domain import invoicing as rules
from forsamling.domain.ean import is_valid_gln
from forsamling.invoicing import services
from forsamling.invoicing.models import Buyer, Invoice, LineKind, State
from forsamling.registration.models import GroupBooking, InvitationCode, Registration
from forsamling.registration.services import (
    ParticipantDetails,
    cancel_registration,
    register_participant,
    substitute_participant,
)
from tests.invoicing.conftest import (
    EAN_AALBORG,
    EAN_ODENSE,
    hand_over_to_a_colleague,
    people,
    register,
)

TODAY = date(2026, 3, 2)


def issue_all(edition, today=TODAY):
    return services.issue_due(edition=edition, today=today)


def test_a_participant_alone_gets_an_invoice_of_their_own_at_the_category_price(conference):
    """One line with name, category and the conference; 3.995 kr. + 25 % moms to the øre."""
    r = register(conference, "Aase Ørum", ean=EAN_AALBORG, order_reference="PO-1")
    [invoice] = services.draft_invoices(edition=conference.edition)
    [line] = invoice.lines.all()
    assert line.registration == r
    assert line.description == "Aase Ørum, Kommunalpolitiker"
    assert line.note == "Social- og Sundhedspolitisk Forum 2026, 7.–8. maj 2026"
    totals = invoice.totals()
    assert (totals.lines, totals.vat, totals.with_vat) == (
        Decimal("3995.00"), Decimal("998.75"), Decimal("4993.75"),
    )  # fmt: skip
    assert (invoice.buyer_name, invoice.buyer_ean, invoice.order_reference) == (
        "Aalborg Kommune", EAN_AALBORG, "PO-1",
    )  # fmt: skip


def test_a_group_of_thirty_is_one_invoice_with_thirty_lines(conference):
    group = GroupBooking.objects.create(
        edition=conference.edition,
        organisation="Aalborg Kommune",
        secretary_name="Sekretær Sørensen",
        secretary_email="sek@aalborg.dk",
    )
    members = people(conference, 30, ean=EAN_AALBORG, order_reference="PO-30")
    Registration.objects.filter(pk__in=[m.pk for m in members]).update(group=group)
    register(conference, "Ene Alene", ean=EAN_AALBORG, order_reference="PO-30")

    invoices = services.draft_invoices(edition=conference.edition)

    by_size = sorted(invoice.lines.count() for invoice in invoices)
    assert by_size == [1, 30]
    big = next(i for i in invoices if i.lines.count() == 30)
    # No common person reference typed: the order number, never the secretary's name.
    assert big.buyer_reference == "PO-30"
    assert big.totals().with_vat == Decimal("149812.50")  # 30 × 4.993,75


def test_one_order_one_invoice_puts_everyone_with_the_order_number_on_one(conference):
    Buyer.objects.create(
        edition=conference.edition, name="Aalborg Kommune", ean=EAN_AALBORG,
        one_order_one_invoice=True,
    )  # fmt: skip
    for name in ("Bo", "Carl"):
        register(
            conference, name, ean=EAN_AALBORG, order_reference="PO-9", person_reference="ABCDE"
        )
    register(conference, "Dorte", ean=EAN_AALBORG, order_reference="PO-10")
    register(
        conference, "Eva", organisation="Odense Kommune", ean=EAN_ODENSE, order_reference="PO-9"
    )

    invoices = services.draft_invoices(edition=conference.edition)

    shape = sorted((i.buyer_name, i.order_reference, i.lines.count()) for i in invoices)
    assert shape == [
        ("Aalborg Kommune", "PO-10", 1),
        ("Aalborg Kommune", "PO-9", 2),
        ("Odense Kommune", "PO-9", 1),
    ]
    po9 = next(i for i in invoices if i.order_reference == "PO-9" and i.lines.count() == 2)
    assert po9.buyer_reference == "ABCDE"  # the municipality's 5-letter user id


def test_a_late_cancellation_is_invoiced_as_a_fee_line_and_a_free_one_not_at_all(conference):
    late = register(conference, "Sen Afmelder", ean=EAN_AALBORG)
    early = register(conference, "Tidlig Afmelder", ean=EAN_AALBORG)
    cancel_registration(registration=early)  # before the deadline: free
    edition = conference.edition
    edition.cancellation_deadline = timezone.now() - timedelta(days=1)
    edition.save()
    cancel_registration(registration=Registration.objects.get(pk=late.pk))

    [invoice] = services.draft_invoices(edition=edition)

    [line] = invoice.lines.all()
    assert line.kind == LineKind.CANCELLATION_FEE
    assert line.description == "Afbudsgebyr: Sen Afmelder, Kommunalpolitiker"
    assert line.unit_price == Decimal("3995.00")


def test_free_categories_are_not_invoiced(conference):
    """A free category is used by invitation (issue 28): the speaker's code, then no invoice."""
    conference.politician.price = Decimal(0)
    conference.politician.save()
    code = InvitationCode.objects.create(
        edition=conference.edition, category=conference.politician, code="TALEROLSEN"
    )
    register_participant(
        edition=conference.edition,
        idempotency_key="free-olsen",
        details=ParticipantDetails(
            name="Oplægsholder Olsen", email="olsen@example.dk", organisation="Aalborg Kommune"
        ),
        category=conference.politician,
        sessions=[],
        invitation_code=code.code,
    )
    assert services.draft_invoices(edition=conference.edition) == []


def test_issuing_numbers_the_invoices_without_gaps_and_sets_dates(conference):
    for name in ("A", "B", "C"):
        register(conference, name, ean=EAN_AALBORG)
    run = issue_all(conference.edition)
    assert [i.number for i in run.issued] == ["FORUM2026-0001", "FORUM2026-0002", "FORUM2026-0003"]
    first = run.issued[0]
    assert (first.state, first.issue_date, first.due_date) == (
        State.ISSUED, TODAY, TODAY + timedelta(days=30),
    )  # fmt: skip
    conference.seller.refresh_from_db()
    assert conference.seller.last_number == 3


def test_an_issued_invoice_is_not_drafted_again_and_not_issued_twice(conference):
    register(conference, "A", ean=EAN_AALBORG)
    [invoice] = issue_all(conference.edition).issued
    assert services.draft_invoices(edition=conference.edition) == []
    with pytest.raises(rules.NotDraft):
        services.issue_invoice(invoice=invoice)


def test_an_invalid_ean_is_refused_at_issuing_and_uses_no_number(conference):
    """The EAN is checked at registration; one that got in otherwise is refused here."""
    bad = register(conference, "Bad", organisation="Vejle Kommune")
    Registration.objects.filter(pk=bad.pk).update(ean="5798000000002")  # wrong check digit
    register(conference, "Good", ean=EAN_AALBORG)

    run = issue_all(conference.edition)

    assert [i.number for i in run.issued] == ["FORUM2026-0001"]
    [(refused, error)] = run.refused
    assert isinstance(error, rules.InvalidBuyerEAN)
    refused.refresh_from_db()
    assert (refused.state, refused.number, refused.sequence) == (State.DRAFT, "", None)


def test_no_invoice_is_issued_without_the_sellers_bank_details(conference):
    conference.seller.bank_account = ""
    conference.seller.save()
    register(conference, "A", ean=EAN_AALBORG)
    [draft] = services.draft_invoices(edition=conference.edition)
    with pytest.raises(rules.SellerIncomplete) as error:
        services.issue_invoice(invoice=draft)
    assert error.value.missing == ["bank_account"]


def test_a_credit_note_refers_to_the_invoice_takes_the_next_number_and_frees_its_lines(conference):
    r = register(conference, "A", ean=EAN_AALBORG)
    [invoice] = issue_all(conference.edition).issued

    note = services.credit_invoice(invoice=invoice, reason="Forkert køber", today=TODAY)

    invoice.refresh_from_db()
    assert invoice.state == State.CREDITED
    assert (note.kind, note.number, note.credits, note.state) == (
        "credit_note", "FORUM2026-0002", invoice, State.ISSUED,
    )  # fmt: skip
    assert [line.registration for line in note.lines.all()] == [r]
    assert note.totals() == invoice.totals()
    [again] = services.draft_invoices(edition=conference.edition)  # due again
    assert again.lines.get().registration == r
    with pytest.raises(rules.NotCreditable):
        services.credit_invoice(invoice=invoice, reason="igen")
    with pytest.raises(rules.NotCreditable):
        services.credit_invoice(invoice=note, reason="kreditnota")


def test_a_hand_over_keeps_the_issued_invoice_credit_and_reissue_names_the_colleague(conference):
    """The documented rule: the place was bought, so the invoice stands; if the buyer wants
    the new name on it, the organiser credits it and the next run reissues it."""
    r = register(conference, "Gammel Navn", ean=EAN_AALBORG, order_reference="PO-1")
    [invoice] = issue_all(conference.edition).issued
    hand_over_to_a_colleague(r)
    assert services.draft_invoices(edition=conference.edition) == []
    assert invoice.lines.get().description.startswith("Gammel Navn")

    services.credit_invoice(invoice=invoice, reason="Overdragelse af plads", today=TODAY)
    [reissued] = issue_all(conference.edition).issued

    assert reissued.number == "FORUM2026-0003"
    assert reissued.lines.get().description == "Ny Kollega, Kommunalpolitiker"


def test_exhibitors_pay_their_stands_and_named_stand_staff(conference, exhibitor):
    [invoice] = services.draft_invoices(edition=conference.edition)
    lines = [(line.kind, line.description, line.unit_price) for line in invoice.lines.all()]
    assert lines == [
        ("stand", "Stand A1 (3 x 2 m)", Decimal("12500.00")),
        ("stand", "Stand C2 (3 x 2 m)", Decimal("8500.00")),
        ("stand_staff", "Standpersonale: Anna Berg", Decimal("1995.00")),
        ("stand_staff", "Standpersonale: Bo Dahl", Decimal("1995.00")),
        ("stand_staff", "Standpersonale: Carl Enø", Decimal("1995.00")),
    ]
    assert (invoice.buyer_name, invoice.buyer_cvr, invoice.buyer_street, invoice.buyer_postcode,
            invoice.buyer_city, invoice.order_reference, invoice.buyer_reference) == (
        "Velfærdsteknologi ApS", "10150817", "Industrivej 4", "8000", "Aarhus C",
        "PO-STAND-7", "PO-STAND-7",  # the reference typed, never the contact's name
    )  # fmt: skip
    assert invoice.totals().with_vat == Decimal("33731.25")  # 26.985 + 25 %


def test_extra_stand_staff_named_after_issuing_go_on_a_new_invoice(conference, exhibitor):
    from forsamling.exhibitors.models import StandStaff

    issue_all(conference.edition)
    StandStaff.objects.create(exhibitor=exhibitor, name="Dorthe Ekstra", email="d@example.dk")
    [extra] = services.draft_invoices(edition=conference.edition)
    assert [line.description for line in extra.lines.all()] == ["Standpersonale: Dorthe Ekstra"]


def test_drafting_again_replaces_the_drafts(conference):
    register(conference, "A", ean=EAN_AALBORG)
    services.draft_invoices(edition=conference.edition)
    services.draft_invoices(edition=conference.edition)
    assert Invoice.objects.filter(edition=conference.edition).count() == 1


def test_invoices_to_credit_are_pointed_out_not_credited(conference):
    """A free cancellation, or a hand-over to another municipality, after issuing."""
    from forsamling.invoicing.queries import to_credit

    early = register(conference, "Tidlig Afmelder", ean=EAN_AALBORG)
    moved = register(conference, "Flyttet", ean=EAN_AALBORG)
    register(conference, "Uændret", ean=EAN_AALBORG)
    issue_all(conference.edition)
    assert to_credit(conference.edition) == []
    cancel_registration(registration=early)  # before the deadline: free
    substitute_participant(
        registration=moved,
        details=ParticipantDetails(
            name="Ny i Odense", email="ny@odense.dk", organisation="Odense Kommune",
            ean=EAN_ODENSE,
        ),
    )  # fmt: skip

    found = sorted((item.names, item.reason) for item in to_credit(conference.edition))

    assert found == [(("Ny i Odense",), "buyer"), (("Tidlig Afmelder",), "cancelled")]
    assert Invoice.objects.filter(state=State.CREDITED).count() == 0


def test_drafts_issued_by_another_run_meanwhile_are_taken_not_refused(conference):
    """An organiser issues drafts chosen on a page another organiser's run has since issued:
    nothing is refused, the run says they were taken."""
    register(conference, "A", ean=EAN_AALBORG)
    [draft] = services.draft_invoices(edition=conference.edition)
    services.issue_drafts(edition=conference.edition)  # the other organiser, first

    run = services.issue_drafts(edition=conference.edition, invoices=[draft])

    assert (run.issued, run.refused, run.blocked) == ([], [], [])
    assert [invoice.pk for invoice in run.taken] == [draft.pk]


def test_a_municipality_takes_the_address_from_the_list_and_waits_without_ean(conference):
    """Vejen Kommune without EAN: address from the shipped list, no person's name as
    reference, held back from issuing; a non-public buyer without EAN is a PDF as before."""
    register(conference, "Vera Vejen", organisation="Vejen Kommune", order_reference="")
    register(conference, "Frida", organisation="Danske Ældreråd", order_reference="")
    vejen, other = sorted(services.draft_invoices(edition=conference.edition),
                          key=lambda i: i.buyer_name != "Vejen Kommune")  # fmt: skip
    assert (vejen.buyer_is_public, vejen.buyer_street, vejen.buyer_city) == (
        True,
        "Rådhuspassagen 3",
        "Vejen",
    )
    assert vejen.buyer_reference == "" and other.buyer_reference == ""
    assert [str(m) for m in vejen.blocked_because] == ["ean", "reference"]
    assert other.blocked_because == []

    run = services.issue_drafts(edition=conference.edition)

    assert [i.buyer_name for i in run.issued] == ["Danske Ældreråd"]
    assert [(i.buyer_name, e.missing) for i, e in run.blocked] == [
        ("Vejen Kommune", ["ean", "reference"])
    ]
    with pytest.raises(rules.PublicBuyerIncomplete):
        services.issue_invoice(invoice=vejen)


def test_the_public_buyers_list_is_loaded_by_the_data_migration(db):
    """The data migration reads the shipped file: 98 municipalities and 5 regions, no CVR or
    EAN invented (blank until filled in); an entry an organiser edited is left as it is."""
    from importlib import import_module

    from django.apps import apps

    from forsamling.invoicing.models import PublicBuyer

    migration = import_module("forsamling.invoicing.migrations.0004_load_public_buyers")
    PublicBuyer.objects.all().delete()  # as before the migration (or emptied by another test)
    PublicBuyer.objects.create(name="Vejen Kommune", kind="municipality", ean=EAN_ODENSE)
    migration.load(apps, None)
    assert PublicBuyer.objects.get(name="Vejen Kommune").ean == EAN_ODENSE

    assert PublicBuyer.objects.filter(kind="municipality").count() == 98
    assert PublicBuyer.objects.filter(kind="region").count() == 5
    assert PublicBuyer.objects.get(short_name="Bornholm").name == "Bornholms Regionskommune"
    for entry in PublicBuyer.objects.exclude(ean=""):
        assert is_valid_gln(entry.ean), entry
