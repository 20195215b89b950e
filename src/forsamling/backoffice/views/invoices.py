"""Invoices in the back office: list and filter, draft and issue in bulk, credit, download one
file or a ZIP of a run; the seller's data and the buyers. Organisers only (Action.INVOICE)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.backoffice.views.paging import paged
from forsamling.conferences.models import Edition
from forsamling.core.downloads import attachment
from forsamling.domain import invoicing as rules
from forsamling.domain.danish import danish_sorted
from forsamling.domain.permissions import Action
from forsamling.invoicing import exports, queries, services
from forsamling.invoicing.forms import BuyerForm, CompleteDraftForm, CreditForm, SellerForm
from forsamling.invoicing.messages import blocked_reason, describe
from forsamling.invoicing.models import Buyer, Invoice, Seller, State
from forsamling.invoicing.ubl import Document
from forsamling.invoicing.validation import InvalidInvoiceFile
from forsamling.outputs import invoices as invoice_basis
from forsamling.outputs import spreadsheets


def _edition(request: HttpRequest, slug: str) -> tuple[Edition, set[Action]]:
    """Every page here asks for the right to invoice."""
    return edition_for(request, slug, Action.INVOICE)


def invoice_list(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = _edition(request, edition)
    wanted = queries.InvoiceFilter.from_query(request.GET.dict())
    rows = queries.invoice_list(the_edition, wanted)
    page, query = paged(request, rows)
    return render(
        request,
        "backoffice/invoices/list.html",
        {
            "edition": the_edition,
            "actions": actions,
            "page": page,
            "rows": [(invoice, invoice.totals(list(invoice.lines.all()))) for invoice in page],
            "wanted": wanted,
            "query": query,
            "states": State.choices,
            "runs": queries.runs(the_edition)[:30],
            "seller": Seller.objects.filter(edition=the_edition).first(),
            "drafts": Invoice.objects.filter(edition=the_edition, state=State.DRAFT).count(),
            "to_credit": queries.to_credit(the_edition),
            "unsent": Invoice.objects.filter(edition=the_edition, sent_at__isnull=True)
            .exclude(state=State.DRAFT)
            .count(),
        },
    )


@require_POST
def draft(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = _edition(request, edition)
    try:
        drafted = services.draft_invoices(edition=the_edition)
    except rules.InvoicingError as error:
        messages.error(request, describe(error))
        return redirect("backoffice:invoices", the_edition.slug)
    messages.success(
        request,
        ngettext(
            "%(count)d kladde er dannet af det, der skal faktureres.",
            "%(count)d kladder er dannet af det, der skal faktureres.",
            len(drafted),
        )
        % {"count": len(drafted)},
    )
    return redirect(reverse("backoffice:invoices", args=[the_edition.slug]) + "?state=draft")


@require_POST
def issue(request: HttpRequest, edition: str) -> HttpResponse:
    """Issues the chosen drafts, or all of them; each refused one is named with the reason."""
    the_edition, _actions = _edition(request, edition)
    chosen = [int(pk) for pk in request.POST.getlist("invoice") if pk.isdigit()]
    selected = None
    if "chosen" in request.POST:
        if not chosen:
            messages.error(request, _("Vælg de kladder, der skal udstedes."))
            return redirect(
                reverse("backoffice:invoices", args=[the_edition.slug]) + "?state=draft"
            )
        selected = list(Invoice.objects.filter(edition=the_edition, pk__in=chosen))
    run = services.issue_drafts(edition=the_edition, invoices=selected, user=request.user)
    if run.issued:
        messages.success(
            request,
            ngettext(
                "%(count)d faktura er udstedt og sendes nu.",
                "%(count)d fakturaer er udstedt og sendes nu.",
                len(run.issued),
            )
            % {"count": len(run.issued)},
        )
    for invoice, error in run.refused:
        messages.error(
            request,
            _("Ikke udstedt: %(buyer)s. %(reason)s")
            % {"buyer": invoice.buyer_name, "reason": describe(error)},
        )
    if run.blocked:
        messages.warning(
            request,
            ngettext(
                "%(count)d kladde venter på EAN-nummer, reference eller adresse (%(buyers)s). "
                "Åbn kladden for at udfylde det.",
                "%(count)d kladder venter på EAN-nummer, reference eller adresse (%(buyers)s). "
                "Åbn kladderne for at udfylde det.",
                len(run.blocked),
            )
            % {
                "count": len(run.blocked),
                "buyers": ", ".join(sorted({i.buyer_name for i, _e in run.blocked})),
            },
        )
    if run.taken and not run.issued:
        messages.info(request, _("Kladderne var allerede udstedt af en anden kørsel."))
    elif not run.issued and not run.refused and not run.blocked:
        messages.info(request, _("Der var ingen kladder at udstede."))
    target = f"?run={run.name}" if run.issued else "?state=draft"
    return redirect(reverse("backoffice:invoices", args=[the_edition.slug]) + target)


@require_POST
def send_unsent(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = _edition(request, edition)
    count = services.send_unsent(edition=the_edition)
    messages.success(
        request,
        ngettext("%(count)d dokument sendes igen.", "%(count)d dokumenter sendes igen.", count)
        % {"count": count},
    )
    return redirect("backoffice:invoices", the_edition.slug)


def detail(
    request: HttpRequest,
    edition: str,
    invoice_id: int,
    form: CreditForm | None = None,
    complete_form: CompleteDraftForm | None = None,
) -> HttpResponse:
    the_edition, actions = _edition(request, edition)
    invoice = get_object_or_404(
        Invoice.objects.select_related("credits", "buyer", "issued_by"),
        edition=the_edition,
        pk=invoice_id,
    )
    lines = list(invoice.lines.all())
    blocked = invoice.blocked_because if invoice.state == State.DRAFT else []
    return render(
        request,
        "backoffice/invoices/detail.html",
        {
            "edition": the_edition,
            "actions": actions,
            "invoice": invoice,
            "lines": lines,
            "totals": invoice.totals(lines),
            "credit_note": Invoice.objects.filter(credits=invoice).first(),
            "form": form or CreditForm(),
            "blocked": blocked,
            "blocked_reason": blocked_reason(blocked) if blocked else "",
            "complete_form": complete_form
            or (CompleteDraftForm(missing=blocked) if blocked else None),
        },
        status=400 if form is not None or complete_form is not None else 200,
    )


@require_POST
def complete(request: HttpRequest, edition: str, invoice_id: int) -> HttpResponse:
    """Fills in what a municipality's or region's draft lacks (EAN, reference, address)."""
    the_edition, _actions = _edition(request, edition)
    invoice = get_object_or_404(Invoice, edition=the_edition, pk=invoice_id)
    form = CompleteDraftForm(request.POST, missing=invoice.blocked_because)
    if not form.is_valid():
        return detail(request, edition, invoice_id, complete_form=form)
    try:
        invoice = services.complete_draft(
            invoice=invoice, fix=services.BuyerFix(**form.cleaned_data)
        )
    except rules.InvoicingError as error:
        messages.error(request, describe(error))
        return redirect("backoffice:invoices", the_edition.slug)
    if invoice.blocked_because:
        messages.warning(request, blocked_reason(invoice.blocked_because))
    else:
        messages.success(request, _("Kladden er klar til at blive udstedt."))
    return redirect("backoffice:invoice", the_edition.slug, invoice.pk)


@require_POST
def issue_one(request: HttpRequest, edition: str, invoice_id: int) -> HttpResponse:
    the_edition, _actions = _edition(request, edition)
    invoice = get_object_or_404(Invoice, edition=the_edition, pk=invoice_id)
    try:
        invoice = services.issue_invoice(invoice=invoice, user=request.user)
    except rules.InvoicingError as error:
        messages.error(request, describe(error))
    else:
        messages.success(request, _("Faktura %(number)s er udstedt.") % {"number": invoice.number})
    return redirect("backoffice:invoice", the_edition.slug, invoice.pk)


@require_POST
def credit(request: HttpRequest, edition: str, invoice_id: int) -> HttpResponse:
    the_edition, _actions = _edition(request, edition)
    invoice = get_object_or_404(Invoice, edition=the_edition, pk=invoice_id)
    form = CreditForm(request.POST)
    if not form.is_valid():
        return detail(request, edition, invoice_id, form=form)
    try:
        note = services.credit_invoice(
            invoice=invoice, reason=form.cleaned_data["reason"], user=request.user
        )
    except rules.InvoicingError as error:
        messages.error(request, describe(error))
        return redirect("backoffice:invoice", the_edition.slug, invoice.pk)
    messages.success(
        request,
        _(
            "Kreditnota %(note)s krediterer faktura %(number)s. Det, fakturaen dækkede, "
            "kommer med i næste kladde."
        )
        % {"note": note.number, "number": invoice.number},
    )
    return redirect("backoffice:invoice", the_edition.slug, note.pk)


def download(request: HttpRequest, edition: str, invoice_id: int, kind: str) -> HttpResponse:
    the_edition, _actions = _edition(request, edition)
    if kind not in exports.Format.__members__.values():
        raise Http404
    invoice = get_object_or_404(
        Invoice.objects.select_related("edition__seller", "credits"),
        edition=the_edition,
        pk=invoice_id,
    )
    fmt = exports.Format(kind)
    if invoice.state == State.DRAFT or (fmt != exports.Format.PDF and not invoice.buyer_ean):
        raise Http404
    try:
        content = exports.render(Document.of(invoice), fmt)
    except InvalidInvoiceFile as error:
        messages.error(request, describe(error))
        return redirect("backoffice:invoice", the_edition.slug, invoice.pk)
    return attachment(content, exports.file_name(invoice, fmt), exports.CONTENT_TYPES[fmt])


def run_zip(request: HttpRequest, edition: str, run: str) -> HttpResponse:
    """Every file of a run: the XML of each document to a buyer with an EAN, and every PDF."""
    the_edition, _actions = _edition(request, edition)
    documents = list(queries.issued(the_edition).filter(run=run))
    if not documents:
        raise Http404
    xml = exports.Format.OIOUBL if request.GET.get("profil") == "oioubl" else exports.Format.PEPPOL
    try:
        content = exports.zip_of(documents, xml=xml)
    except InvalidInvoiceFile as error:
        messages.error(request, describe(error))
        return redirect(reverse("backoffice:invoices", args=[the_edition.slug]) + f"?run={run}")
    return attachment(content, f"fakturaer-{the_edition.slug}-{run}.zip", "application/zip")


def _form_page(
    request: HttpRequest,
    edition: Edition,
    actions: set[Action],
    form: forms.BaseForm,
    heading: str,
    intro: str,
) -> HttpResponse:
    """The seller's or a buyer's form (400 when it has errors)."""
    return render(
        request,
        "backoffice/invoices/form.html",
        {"edition": edition, "actions": actions, "form": form, "heading": heading, "intro": intro},
        status=400 if form.errors else 200,
    )


def seller(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = _edition(request, edition)
    instance = Seller.objects.filter(edition=the_edition).first() or Seller(edition=the_edition)
    form = SellerForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Sælgerens oplysninger er gemt."))
        return redirect("backoffice:invoices", the_edition.slug)
    intro = _(
        "Står på alle fakturaer og kreditnotaer for konferencen. Fakturanumrene "
        "tælles op uden huller, i én serie for fakturaer og kreditnotaer."
    )
    return _form_page(request, the_edition, actions, form, _("Sælger og nummerserie"), intro)


def buyers(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = _edition(request, edition)
    return render(
        request,
        "backoffice/invoices/buyers.html",
        {
            "edition": the_edition,
            "actions": actions,
            "buyers": danish_sorted(
                Buyer.objects.filter(edition=the_edition), key=lambda b: b.name
            ),
        },
    )


def buyer(request: HttpRequest, edition: str, buyer_id: int) -> HttpResponse:
    the_edition, actions = _edition(request, edition)
    the_buyer = get_object_or_404(Buyer, edition=the_edition, pk=buyer_id)
    form = BuyerForm(request.POST or None, instance=the_buyer)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request,
            _("%(buyer)s er gemt. Dan kladderne igen, så de får de nye oplysninger.")
            % {"buyer": the_buyer.name},
        )
        return redirect("backoffice:invoice_buyers", the_edition.slug)
    intro = _("EAN-nummer: %(ean)s. Navn og EAN-nummer rettes på tilmeldingerne.") % {
        "ean": the_buyer.ean or _("intet (faktura som PDF)")
    }
    return _form_page(request, the_edition, actions, form, the_buyer.name, intro)


def invoices_xlsx(request: HttpRequest, edition: str) -> HttpResponse:
    # EANs, order references and amounts: the invoicing's data, for organisers only.
    the_edition, _actions = _edition(request, edition)
    rows = invoice_basis.invoice_rows(invoice_basis.invoices(the_edition))
    body = spreadsheets.to_xlsx("Fakturagrundlag", invoice_basis.INVOICE_HEADERS, rows)
    return attachment(body, f"fakturagrundlag-{the_edition.slug}.xlsx", spreadsheets.XLSX)
