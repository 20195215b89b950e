"""Every change to invoices: one function each, one transaction each, sending on commit.

Every function that changes an edition's invoices first locks the edition's `Seller` row
(its number series): drafting, issuing and crediting of one edition then run one at a time,
and a number is taken in the transaction that issues, so a rollback leaves no gap.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.domain import invoicing as rules
from forsamling.domain import public_buyers
from forsamling.domain.danish import danish_sort_key
from forsamling.exhibitors import staff_registrations
from forsamling.exhibitors.models import Exhibitor, ExtraOrder
from forsamling.invoicing import sending
from forsamling.invoicing.models import (
    Buyer,
    Invoice,
    InvoiceLine,
    Kind,
    LineKind,
    PublicBuyer,
    Seller,
    State,
)
from forsamling.invoicing.queries import covered
from forsamling.registration.models import Registration, Status


@dataclass
class _Draft:
    buyer: Buyer
    order_reference: str
    group_key: str
    references: list[str] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)


class _PublicBuyers:
    """The list of municipalities and regions, by `public_buyers.buyer_key` of their name and
    short name; and whether a name looks public at all (on the list, or by its words)."""

    def __init__(self) -> None:
        self.by_key: dict[str, PublicBuyer] = {}
        for entry in PublicBuyer.objects.all():
            for name in (entry.name, entry.short_name):
                if name:
                    self.by_key[public_buyers.buyer_key(name)] = entry

    def match(self, name: str) -> PublicBuyer | None:
        return self.by_key.get(public_buyers.buyer_key(name))

    def is_public(self, name: str) -> bool:
        return self.match(name) is not None or public_buyers.looks_public(name)


def looks_public(name: str) -> bool:
    """Whether an organisation looks like a municipality or region: by its words (no query),
    else on the list by name or short name ('Vejen')."""
    if public_buyers.looks_public(name):
        return True
    known = PublicBuyer.objects.values_list("name", "short_name")
    return public_buyers.looks_public(name, known=[n for pair in known for n in pair if n])


def _lock_seller(edition: Edition) -> Seller:
    seller = Seller.objects.select_for_update().filter(edition=edition).first()
    if seller is None:
        raise rules.SellerIncomplete(["seller"])
    return seller


@transaction.atomic(durable=True)
def draft_invoices(*, edition: Edition) -> list[Invoice]:
    """Drafts an invoice for everything due that no issued invoice covers.

    Drafts are made afresh each time (the earlier drafts are deleted): they follow the
    registrations until they are issued. Participants pay their category's price, late
    cancellations their fee; exhibitors their stands and named stand staff.
    """
    _lock_seller(edition)
    Invoice.objects.filter(edition=edition, state=State.DRAFT).delete()
    done = covered(edition)
    drafts: dict[tuple[object, ...], _Draft] = {}
    buyers: dict[tuple[str, str], Buyer] = {}
    public = _PublicBuyers()

    def buyer_for(name: str, ean: str, **defaults: str) -> Buyer:
        """The buyer of that name and EAN; a municipality or region on the list lends its main
        EAN when none was typed, and its CVR and address to a new buyer that has none."""
        name = " ".join(name.split())
        entry = public.match(name)
        if entry is not None:
            ean = ean.strip() or entry.ean
            for attribute in ("cvr", "street", "postcode", "city"):
                defaults[attribute] = defaults.get(attribute) or getattr(entry, attribute)
        key = (name, ean.strip())
        if key not in buyers:
            buyers[key], _ = Buyer.objects.get_or_create(
                edition=edition, name=key[0], ean=key[1], defaults=defaults
            )
        return buyers[key]

    registrations = (
        Registration.objects.filter(edition=edition)
        # Stand staff are billed as passes on their exhibitor's invoice, not again here.
        .exclude(idempotency_key__startswith=staff_registrations.KEY_PREFIX)
        .select_related("category", "group")
        .order_by("created_at", "pk")
    )
    for r in registrations:
        if r.pk in done.registrations:  # checked here: thousands of ids make a long IN (…)
            continue
        active = r.status == Status.ACTIVE
        amount = rules.amount_due(
            active=active, price=r.category.price, cancellation_fee=r.cancellation_fee
        )
        if not amount:
            continue
        buyer = buyer_for(r.organisation, r.ean)
        key = rules.invoice_key(
            buyer=buyer.pk,
            order_reference=r.order_reference,
            one_order_one_invoice=buyer.one_order_one_invoice,
            group=r.group_id,
            registration=r.pk,
        )
        draft = drafts.setdefault(
            key,
            _Draft(
                buyer=buyer,
                order_reference=" ".join(r.order_reference.split()),
                group_key=":".join(str(part) for part in key),
            ),
        )
        draft.references.append(r.person_reference.strip())
        fee = r.status == Status.CANCELLED
        draft.lines.append(
            {
                "kind": LineKind.CANCELLATION_FEE if fee else LineKind.PARTICIPANT,
                "description": (
                    f"Afbudsgebyr: {r.name}, {r.category.name}" if fee
                    else f"{r.name}, {r.category.name}"
                ),
                "note": f"{edition.title}, {edition.date_range}",
                "unit_price": amount,
                "registration": r,
            }
        )  # fmt: skip

    pass_price = staff_registrations.pass_price(edition.pk) or Decimal(0)
    exhibitors = Exhibitor.objects.filter(edition=edition).prefetch_related(
        "stands", "staff", Prefetch("extras", queryset=ExtraOrder.objects.select_related("extra"))
    )
    for exhibitor in exhibitors:
        _draft_exhibitor(edition, exhibitor, pass_price, done, drafts, buyer_for)

    invoices = []
    for draft in sorted(drafts.values(), key=lambda d: danish_sort_key(d.buyer.name)):
        buyer = draft.buyer
        # A buyer row made before the list was filled in takes the list's address and CVR.
        entry = public.match(buyer.name)
        address = buyer if buyer.street or entry is None else entry
        invoice = Invoice.objects.create(
            edition=edition,
            buyer=buyer,
            buyer_name=buyer.name,
            buyer_ean=buyer.ean,
            buyer_cvr=buyer.cvr or (entry.cvr if entry else ""),
            buyer_street=address.street,
            buyer_postcode=address.postcode,
            buyer_city=address.city,
            buyer_is_public=public.is_public(buyer.name),
            electronic_format=buyer.electronic_format,
            order_reference=draft.order_reference,
            buyer_reference=public_buyers.buyer_reference(
                person_references=draft.references,
                order_reference=draft.order_reference,
                standing_reference=buyer.reference,
            )[:100],
            group_key=draft.group_key[:200],
        )
        lines = sorted(draft.lines, key=lambda v: (v["kind"] in _EXHIBITOR_KINDS, _line_order(v)))
        InvoiceLine.objects.bulk_create(
            InvoiceLine(invoice=invoice, position=i, **values) for i, values in enumerate(lines, 1)
        )
        invoices.append(invoice)
    return invoices


_EXHIBITOR_KINDS = {LineKind.STAND, LineKind.STAND_STAFF, LineKind.STAND_EXTRA}
_EXHIBITOR_ORDER = {LineKind.STAND: 0, LineKind.STAND_STAFF: 1, LineKind.STAND_EXTRA: 2}


def _line_order(values: dict[str, Any]) -> tuple[Any, ...]:
    return (_EXHIBITOR_ORDER.get(values["kind"], 0), danish_sort_key(values["description"]))


def _draft_exhibitor(
    edition: Edition,
    exhibitor: Exhibitor,
    pass_price: Decimal,
    done: Any,
    drafts: dict[Any, _Draft],
    buyer_for: Any,
) -> None:
    stands = sorted(exhibitor.stands.all(), key=lambda s: s.number)
    address = rules.parse_address(exhibitor.invoice_address)
    lines: list[dict[str, Any]] = []
    for stand in stands:
        if stand.pk not in done.stands and stand.price:
            lines.append(
                {
                    "kind": LineKind.STAND,
                    "description": f"Stand {stand.number} ({stand.size})",
                    "note": f"{edition.title}, {edition.date_range}",
                    "unit_price": stand.price,
                    "stand": stand,
                    "exhibitor": exhibitor,
                }
            )
    # Every pass costs the edition's stand-staff price (the category's, as the booking page
    # and the member's registration show it).
    passes = rules.staff_passes(
        ((s, s.included_passes, pass_price) for s in stands), exhibitor.staff.all()
    )
    for staff_pass in passes:
        member: Any = staff_pass.staff
        if member.pk not in done.staff and staff_pass.price:
            lines.append(
                {
                    "kind": LineKind.STAND_STAFF,
                    "description": f"Standpersonale: {member.name}",
                    "note": f"{edition.title}, {edition.date_range}",
                    "unit_price": staff_pass.price,
                    "stand_staff": member,
                    "exhibitor": exhibitor,
                }
            )
    for order in exhibitor.extras.all():
        if order.pk not in done.extras and order.unit_price:
            lines.append(
                {
                    "kind": LineKind.STAND_EXTRA,
                    "description": f"Tilvalg: {order.extra.name}",
                    "note": f"{edition.title}, {edition.date_range}",
                    "quantity": Decimal(order.quantity),
                    "unit_price": order.unit_price,
                    "extra_order": order,
                    "exhibitor": exhibitor,
                }
            )
    if not lines:
        return
    buyer = buyer_for(
        exhibitor.organisation,
        exhibitor.ean,
        cvr=exhibitor.cvr,
        street=address.street,
        postcode=address.postcode,
        city=address.city,
        email=exhibitor.contact_email,
    )
    key = ("exhibitor", exhibitor.pk)
    drafts[key] = _Draft(
        buyer=buyer,
        order_reference=exhibitor.invoice_reference.strip(),
        group_key=f"exhibitor:{exhibitor.pk}",
        lines=lines,
    )


@dataclass(frozen=True)
class BuyerFix:
    """What an organiser fills in on a blocked draft; blank fields are left as they are."""

    ean: str = ""
    reference: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""


@transaction.atomic(durable=True)
def complete_draft(*, invoice: Invoice, fix: BuyerFix) -> Invoice:
    """Fills in a draft's missing EAN number, reference or address, where they belong, so the
    next drafting keeps them: the EAN on the registrations (or the exhibitor) it invoices,
    the reference and address on the buyer (the EAN holder's standing reference); then on
    the draft itself, which can be issued at once if nothing else is missing."""
    _lock_seller(invoice.edition)
    invoice = Invoice.objects.select_for_update().filter(pk=invoice.pk).first()  # type: ignore[assignment]
    if invoice is None or invoice.state != State.DRAFT:
        raise rules.NotDraft("gone")
    buyer = invoice.buyer
    ean = "".join(fix.ean.split())
    if ean and ean != invoice.buyer_ean:
        rules.check_buyer_ean(ean)
        lines = invoice.lines.all()
        Registration.objects.filter(
            pk__in=lines.exclude(registration=None).values("registration")
        ).update(ean=ean)
        Exhibitor.objects.filter(pk__in=lines.exclude(exhibitor=None).values("exhibitor")).update(
            ean=ean
        )
        buyer, _ = Buyer.objects.get_or_create(
            edition=invoice.edition, name=invoice.buyer_name, ean=ean,
            defaults={f: getattr(invoice.buyer, f) for f in ("cvr", "email", "reference")}
            | {"street": invoice.buyer_street, "postcode": invoice.buyer_postcode,
               "city": invoice.buyer_city},
        )  # fmt: skip
        invoice.buyer, invoice.buyer_ean = buyer, ean
    reference = " ".join(fix.reference.split())[:100]
    if reference:
        buyer.reference = reference
        invoice.buyer_reference = reference
    if fix.street.strip() and fix.postcode.strip() and fix.city.strip():
        buyer.street, buyer.postcode, buyer.city = (
            fix.street.strip(),
            fix.postcode.strip(),
            fix.city.strip(),
        )
        invoice.buyer_street, invoice.buyer_postcode, invoice.buyer_city = (
            buyer.street,
            buyer.postcode,
            buyer.city,
        )
    buyer.save()
    invoice.save()
    return invoice


def new_run() -> str:
    """A name for the documents issued together: the time, and a few random letters."""
    return timezone.localtime().strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3)


def issue_invoice(
    *, invoice: Invoice, user: Any = None, today: date | None = None, run: str = ""
) -> Invoice:
    """Gives the draft the series' next number, the issue date and the due date; from now on
    it never changes. The file goes to the buyer after the commit."""
    with transaction.atomic(durable=True):
        seller = _lock_seller(invoice.edition)
        current = Invoice.objects.select_for_update().filter(pk=invoice.pk).first()
        if current is None:  # made afresh by someone drafting meanwhile
            raise rules.NotDraft("gone")
        invoice = current
        rules.check_issuable(rules.State(invoice.state), line_count=invoice.lines.count())
        rules.check_seller(seller.rule_values())
        rules.check_buyer_ean(invoice.buyer_ean)
        if invoice.blocked_because:
            raise rules.PublicBuyerIncomplete(invoice.blocked_because)
        _number(invoice, seller, user, today)
        invoice.run = run or new_run()
        invoice.payment_terms_days = seller.payment_terms_days
        invoice.due_date = rules.due_date(invoice.issue_date, seller.payment_terms_days)  # type: ignore[arg-type]
        invoice.save()
        _send_on_commit(invoice)
    return invoice


@dataclass
class IssueRun:
    """What a bulk issue did: issued; refused (an error to fix); blocked (a public buyer's
    draft waiting for its EAN, reference or address); and taken: drafts another run issued
    (or made afresh) meanwhile, which is no error."""

    name: str = ""
    issued: list[Invoice] = field(default_factory=list)
    refused: list[tuple[Invoice, rules.InvoicingError]] = field(default_factory=list)
    blocked: list[tuple[Invoice, rules.PublicBuyerIncomplete]] = field(default_factory=list)
    taken: list[Invoice] = field(default_factory=list)


def issue_drafts(
    *, edition: Edition, invoices: Iterable[Invoice] | None = None, user: Any = None,
    today: date | None = None,
) -> IssueRun:  # fmt: skip
    """Issues the drafts (all of the edition's, or those given), each in its own transaction:
    one refused (an invalid EAN) or blocked (a municipality without EAN) leaves the others
    issued and itself a draft. A draft another run issued first is skipped, not refused."""
    run = IssueRun(name=new_run())
    if invoices is None:
        drafts = list(Invoice.objects.filter(edition=edition, state=State.DRAFT).order_by("pk"))
    else:  # chosen on a page that may be older than another organiser's run
        drafts = list(Invoice.objects.filter(edition=edition, pk__in=[i.pk for i in invoices]))
    for draft in drafts:
        try:
            run.issued.append(issue_invoice(invoice=draft, user=user, today=today, run=run.name))
        except rules.NotDraft:
            run.taken.append(draft)
        except rules.PublicBuyerIncomplete as error:
            run.blocked.append((draft, error))
        except rules.InvoicingError as error:
            run.refused.append((draft, error))
    return run


def issue_due(*, edition: Edition, user: Any = None, today: date | None = None) -> IssueRun:
    """What `manage.py issue_invoices` does: draft everything due, then issue the drafts."""
    draft_invoices(edition=edition)
    return issue_drafts(edition=edition, user=user, today=today)


def credit_invoice(
    *, invoice: Invoice, reason: str, user: Any = None, today: date | None = None
) -> Invoice:
    """Credits an issued invoice in full with a credit note of the same series, referring to
    it. What it covered is due again: the next drafting invoices it as it is now (a new
    buyer, a new name, a new price)."""
    with transaction.atomic(durable=True):
        seller = _lock_seller(invoice.edition)
        invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
        rules.check_creditable(rules.State(invoice.state), is_credit_note=invoice.is_credit_note)
        rules.check_seller(seller.rule_values())
        note = Invoice(
            edition=invoice.edition,
            kind=Kind.CREDIT_NOTE,
            credits=invoice,
            reason=reason.strip()[:300],
            buyer=invoice.buyer,
            **{
                f: getattr(invoice, f)
                for f in (
                    "buyer_name", "buyer_ean", "buyer_cvr", "buyer_street", "buyer_postcode",
                    "buyer_city", "electronic_format", "order_reference", "buyer_reference",
                    "group_key", "payment_terms_days",
                )
            },
        )  # fmt: skip
        _number(note, seller, user, today)
        note.run = new_run()
        note.save()
        InvoiceLine.objects.bulk_create(
            InvoiceLine(
                invoice=note,
                **{
                    f.name: getattr(line, f.name)
                    for f in InvoiceLine._meta.concrete_fields
                    if f.name not in {"id", "invoice"}
                },
            )
            for line in invoice.lines.all()
        )
        invoice.state = State.CREDITED
        invoice.save(update_fields=["state", "updated_at"])
        _send_on_commit(note)
    return note


def _number(invoice: Invoice, seller: Seller, user: Any, today: date | None) -> None:
    seller.last_number += 1
    seller.save(update_fields=["last_number"])
    invoice.sequence = seller.last_number
    invoice.number = rules.format_number(seller.number_prefix, seller.last_number)
    invoice.state = State.ISSUED
    invoice.issue_date = today or timezone.localdate()
    invoice.issued_at = timezone.now()
    invoice.issued_by = user if getattr(user, "is_authenticated", False) else None


def _send_on_commit(invoice: Invoice) -> None:
    pk = invoice.pk
    transaction.on_commit(lambda: sending.send_invoice_task.enqueue(pk))


def send_unsent(*, edition: Edition) -> int:
    """Hands every issued document not yet sent (the backend failed, the worker was down) to
    the sending backend again; returns how many."""
    pks = list(
        Invoice.objects.filter(edition=edition, sent_at__isnull=True)
        .exclude(state=State.DRAFT)
        .values_list("pk", flat=True)
    )
    for pk in pks:
        sending.send_invoice_task.enqueue(pk)
    return len(pks)


def amount_of(invoice: Invoice) -> Decimal:
    return invoice.totals().with_vat
