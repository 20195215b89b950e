"""Invoicing's errors as Danish sentences, for the back office and the commands."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from forsamling.domain import invoicing as rules
from forsamling.invoicing.validation import InvalidInvoiceFile

SELLER_FIELDS = {
    "seller": _("sælgerens oplysninger"),
    "name": _("navn"),
    "cvr": _("CVR-nummer"),
    "city": _("by"),
    "postcode": _("postnummer"),
    "payment_means": _("betalingsmåde"),
    "bank_account": _("kontonummer eller IBAN"),
    "bank_branch": _("registreringsnummer eller BIC"),
}


PUBLIC_BUYER_MISSING = {
    "ean": _("EAN-nummer"),
    "reference": _("reference (ordrenummer eller personreference)"),
    "address": _("adresse"),
}


def blocked_reason(missing: Sequence[str]) -> str:
    """Why a municipality's or region's draft waits, in one Danish sentence."""
    names = ", ".join(str(PUBLIC_BUYER_MISSING.get(str(m), m)) for m in missing)
    return _(
        "Køberen er en kommune eller region, og fakturaen mangler: %(missing)s. Kommuner og "
        "regioner tager kun imod elektroniske fakturaer med EAN-nummer, reference og adresse."
    ) % {"missing": names}


def describe(error: Exception) -> str:
    if isinstance(error, rules.PublicBuyerIncomplete):
        return blocked_reason(error.missing)
    if isinstance(error, rules.InvalidBuyerEAN):
        return _(
            "EAN-nummeret %(ean)s er ikke gyldigt (13 cifre med rigtigt kontrolciffer). "
            "Ret det på tilmeldingen eller udstilleren, og dan kladderne igen."
        ) % {"ean": error.ean}
    if isinstance(error, rules.SellerIncomplete):
        missing = ", ".join(str(SELLER_FIELDS.get(name, name)) for name in error.missing)
        return _("Sælgerens oplysninger mangler: %(missing)s.") % {"missing": missing}
    if isinstance(error, rules.NotDraft):
        return _("Fakturaen er allerede udstedt og kan ikke ændres.")
    if isinstance(error, rules.NotCreditable):
        return _("Kun en udstedt faktura, der ikke allerede er krediteret, kan krediteres.")
    if isinstance(error, rules.EmptyInvoice):
        return _("Fakturaen har ingen linjer.")
    if isinstance(error, InvalidInvoiceFile):
        return _("Filen består ikke de officielle regler: %(rules)s") % {
            "rules": ", ".join(sorted({f.rule for f in error.report.errors}))
        }
    return str(error)
