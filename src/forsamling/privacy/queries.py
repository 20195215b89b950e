"""The record of processing: what personal data an edition holds, by category, and when each
goes. A fixed number of queries, whatever the number of participants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from forsamling.conferences.models import Edition
from forsamling.domain.retention import DataCategory
from forsamling.exhibitors.models import Exhibitor, StandStaff
from forsamling.invoicing.models import Invoice, State
from forsamling.outbox.models import SentMessage
from forsamling.outputs import jobs
from forsamling.privacy.anonymise import ANONYMOUS_EMAIL, not_anonymised
from forsamling.privacy.models import (
    ConsentRecord,
    DataRequest,
    RetainedInvoiceLine,
    RetentionRun,
)
from forsamling.privacy.retention import settings_for
from forsamling.privacy.scheduling import waiting_run
from forsamling.prizes.models import Nomination
from forsamling.registration.models import GroupBooking, Registration


@dataclass(frozen=True)
class Holding:
    """One line of the record: a kind of data, how many hold it, why, who sees it, until when."""

    category: DataCategory
    what: str
    count: int
    purpose: str
    basis: str
    who: str
    deleted_on: date


@dataclass(frozen=True)
class Record:
    holdings: list[Holding]
    runs: list[RetentionRun]
    next_run: datetime | None
    requests: int


def record_of_processing(edition: Edition) -> Record:
    dates = settings_for(edition).deletion_dates()
    people = not_anonymised(Registration.objects.filter(edition=edition))
    counts = people.aggregate(
        registrations=Count("id"),
        needs=Count("id", filter=~Q(dietary="") | ~Q(accessibility_needs="")),
        invoice=Count("id", filter=~Q(ean="") | ~Q(order_reference="") | ~Q(person_reference="")),
    )
    messages = SentMessage.objects.filter(registration__in=people).count()
    consents = ConsentRecord.objects.filter(registration__in=people).count()
    others = (
        GroupBooking.objects.filter(edition=edition)
        .exclude(secretary_email=ANONYMOUS_EMAIL)
        .count()
        + Exhibitor.objects.filter(edition=edition).exclude(contact_email=ANONYMOUS_EMAIL).count()
        + StandStaff.objects.filter(exhibitor__edition=edition)
        .exclude(email=ANONYMOUS_EMAIL)
        .count()
    )
    pdfs = jobs.files_of([edition.pk]).count()
    nominations = (
        Nomination.objects.filter(prize__edition=edition)
        .exclude(contact_email=ANONYMOUS_EMAIL)
        .aggregate(rows=Count("id"), files=Count("attachments"))
    )
    by_others = (
        Registration.objects.filter(edition=edition, group__isnull=False)
        .exclude(email__endswith="@anonym.invalid")
        .count()
        + StandStaff.objects.filter(exhibitor__edition=edition)
        .exclude(email=ANONYMOUS_EMAIL)
        .count()
    )
    issued = Invoice.objects.filter(edition=edition).exclude(state=State.DRAFT).count()
    retained = RetainedInvoiceLine.objects.filter(edition=edition).count()
    personal = dates[DataCategory.PERSONAL]
    holdings = [
        Holding(
            DataCategory.NEEDS,
            _("Kosthensyn og behov for tilgængelighed (kan være helbredsoplysninger)"),
            counts["needs"],
            _("Køkkenet og mødestedet tager hensyn"),
            _("GDPR art. 9, stk. 2, litra a (udtrykkeligt samtykke, givet ved feltet)"),
            _("Arrangører; køkkenet kun som antal"),
            dates[DataCategory.NEEDS],
        ),
        Holding(
            DataCategory.PERSONAL,
            _("Tilmeldinger: navn, e-mail, telefon, stilling, udvalg, personligt link"),
            counts["registrations"],
            _("Tilmelding, bekræftelser, navneskilte, dørlister, indtjekning"),
            _("GDPR art. 6, stk. 1, litra b og e"),
            _("Arrangører, læseadgang; indtjekning ser navn og organisation"),
            personal,
        ),
        Holding(
            DataCategory.PERSONAL,
            _("Sendte e-mails (tekst med personligt link)"),
            messages,
            _("Dokumentation af, hvad deltageren har fået"),
            _("GDPR art. 6, stk. 1, litra b"),
            _("Arrangører (uden personlige links)"),
            personal,
        ),
        Holding(
            DataCategory.PERSONAL,
            _("Samtykker (deltagerliste, fotos) med ordlyd og version"),
            consents,
            _("Bevis for samtykke"),
            _("GDPR art. 6, stk. 1, litra a og art. 7, stk. 1"),
            _("Arrangører"),
            personal,
        ),
        Holding(
            DataCategory.PERSONAL,
            _("Gruppesekretærer, udstilleres kontaktpersoner og standpersonale"),
            others,
            _("Gruppetilmelding og udstillerbooking"),
            _("GDPR art. 6, stk. 1, litra b"),
            _("Arrangører"),
            personal,
        ),
        Holding(
            DataCategory.PERSONAL,
            _("PDF'er: navneskilte, dørlister, fakturagrundlag, deltagerliste"),
            pdfs,
            _("Konferencens afvikling"),
            _("GDPR art. 6, stk. 1, litra b"),
            _("Arrangører og læseadgang"),
            personal,
        ),
        Holding(
            DataCategory.PERSONAL,
            _(
                "Indstillinger til prisen: kontaktperson (navn, stilling, e-mail, telefon), "
                "projektbeskrivelse og bilag"
            ),
            nominations["rows"] + nominations["files"],
            _("Juryens vurdering af projekterne; kontakt til indstilleren"),
            _("GDPR art. 6, stk. 1, litra e"),
            _("Arrangører og juryen"),
            personal,
        ),
        Holding(
            DataCategory.PERSONAL,
            _(
                "Personer tilmeldt af andre (gruppens medlemmer, standpersonale): oplysninger "
                "fra sekretæren eller udstilleren (art. 14); samtykke først ved egen bekræftelse"
            ),
            by_others,
            _("Tilmelding og adgangskort"),
            _("GDPR art. 6, stk. 1, litra b og f; oplysningspligt efter art. 14 ved e-mail"),
            _("Arrangører"),
            personal,
        ),
        Holding(
            DataCategory.INVOICE,
            _(
                "Udstedte fakturaer (XML til Peppol/NemHandel eller PDF): køber, "
                "personreference, deltagernes navne på linjerne"
            ),
            issued,
            _("Fakturering og bogføring; sendt via Peppol-adgangspunkter (databehandlere)"),
            _("GDPR art. 6, stk. 1, litra c (bogføringsloven §§ 10 og 12)"),
            _("Arrangører og økonomi; køberen"),
            dates[DataCategory.INVOICE],
        ),
        Holding(
            DataCategory.INVOICE,
            _("Fakturaoplysninger: EAN, ordrenummer, personreference; gemte fakturalinjer"),
            counts["invoice"] + retained,
            _("Fakturering og bogføring"),
            _("GDPR art. 6, stk. 1, litra c (bogføringsloven § 12)"),
            _("Arrangører og økonomi"),
            dates[DataCategory.INVOICE],
        ),
    ]
    return Record(
        holdings=holdings,
        runs=list(RetentionRun.objects.filter(edition=edition)[:20]),
        next_run=_next_run(),
        requests=DataRequest.objects.filter(edition=edition).count(),
    )


def _next_run() -> datetime | None:
    try:
        return waiting_run()
    except Exception:  # no task table (another backend): nothing is waiting
        return None


def requests(edition: Edition) -> list[DataRequest]:
    return list(DataRequest.objects.filter(edition=edition).select_related("by_user")[:500])
