"""The domain's stand errors in the words exhibitors and organisers read."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from forsamling.domain import danish
from forsamling.domain import leads as lead_rules
from forsamling.domain import stands as rules


def describe(error: rules.StandError) -> str:
    if isinstance(error, rules.StandTaken):
        return ngettext(
            "Standen er desværre lige blevet booket af en anden (stand %(numbers)s). "
            "Vælg en anden stand.",
            "Standene er desværre lige blevet booket af andre (stand %(numbers)s). "
            "Vælg andre stande.",
            len(error.numbers),
        ) % {"numbers": ", ".join(error.numbers)}
    if isinstance(error, rules.BookingNotOpen):
        if error.opens_at is None:
            return _("Udstillertilmeldingen er ikke åbnet endnu.")
        moment = danish.format_moment(error.opens_at, translation.get_language())
        return _("Udstillertilmeldingen åbner %(moment)s.") % {"moment": moment}
    if isinstance(error, rules.BookingClosed):
        return _("Udstillertilmeldingen er lukket.")
    if isinstance(error, rules.NoStandsChosen):
        return _("Vælg mindst én stand.")
    if isinstance(error, rules.NoPassesLeft):
        return _(
            "I kan skrive %(count)d personer på som standpersonale, og der er ikke flere "
            "pladser tilbage. Fjern en person for at skrive en anden på."
        ) % {"count": error.allowed}
    if isinstance(error, rules.StandLimitReached):
        return ngettext(
            "Jeres virksomhed (CVR-nummer) eller kontaktperson har allerede booket "
            "%(booked)d stand, og en udstiller kan højst have %(count)d. Kontakt arrangøren, "
            "hvis I har brug for flere.",
            "Jeres virksomhed (CVR-nummer) eller kontaktperson har allerede booket "
            "%(booked)d stande, og en udstiller kan højst have %(count)d. Kontakt "
            "arrangøren, hvis I har brug for flere.",
            error.booked,
        ) % {"booked": error.booked, "count": error.allowed}
    if isinstance(error, rules.TooManyStands):
        return ngettext(
            "En udstiller kan højst booke %(count)d stand. Vælg færre stande.",
            "En udstiller kan højst booke %(count)d stande. Vælg færre stande.",
            error.allowed,
        ) % {"count": error.allowed}
    if isinstance(error, rules.TooManyOfExtra):
        return _("I kan højst bestille %(count)d af et tilvalg.") % {"count": error.allowed}
    if isinstance(error, rules.UnknownExtra):
        return _("Vælg tilvalg fra listen.")
    if isinstance(error, rules.StandNotBooked):
        return _("Standen har ingen booking, der kan flyttes.")
    return _("Det kunne ikke lade sig gøre. Prøv igen.")


def describe_lead_error(error: lead_rules.LeadError) -> str:
    if isinstance(error, lead_rules.NoConsent):
        return _("Personen har ikke givet samtykke til at dele sine oplysninger")
    return _(
        "Koden passer ikke til et navneskilt til denne konference. Scan igen, eller tjek "
        "koden under QR-koden."
    )
