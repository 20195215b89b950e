"""After issuing, the default backend writes the file: Peppol XML for a buyer with an EAN
number, the Danish PDF for a buyer without one. Nothing goes to a third party."""

from __future__ import annotations

from datetime import date

from django.test import override_settings

from forsamling.invoicing import sending, services
from forsamling.invoicing.models import Invoice
from tests.invoicing.conftest import EAN_AALBORG, register
from tests.outputs.pdf_text import pdf_text

TODAY = date(2026, 3, 2)

SENT: list[sending.Outgoing] = []


class RecordingBackend:
    """A backend as an access point's would be: it receives what is to be sent."""

    def send(self, outgoing: sending.Outgoing) -> None:
        SENT.append(outgoing)


def test_a_buyer_with_ean_gets_the_peppol_file(
    conference, outbox, django_capture_on_commit_callbacks
):
    register(conference, "A", ean=EAN_AALBORG)
    with django_capture_on_commit_callbacks(execute=True):
        [invoice] = services.issue_due(edition=conference.edition, today=TODAY).issued
    folder = outbox / conference.edition.slug
    assert sorted(p.name for p in folder.iterdir()) == ["FORUM2026-0001.xml"]
    assert b"<cbc:ID>FORUM2026-0001</cbc:ID>" in (folder / "FORUM2026-0001.xml").read_bytes()
    invoice.refresh_from_db()
    assert invoice.sent_at is not None


def test_a_buyer_without_ean_gets_a_pdf_only(
    conference, outbox, django_capture_on_commit_callbacks
):
    register(conference, "Bo Privat", organisation="Foreningen for Ældre")
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_due(edition=conference.edition, today=TODAY)
    folder = outbox / conference.edition.slug
    assert sorted(p.name for p in folder.iterdir()) == ["FORUM2026-0001.pdf"]
    text = pdf_text((folder / "FORUM2026-0001.pdf").read_bytes())
    assert "Faktura FORUM2026-0001" in text
    assert "4.993,75 kr." in text
    assert "Foreningen for Ældre" in text
    invoice = Invoice.objects.get()
    with invoice.sent_file.open("rb") as kept:  # the copy the run's ZIP is made of
        assert kept.read() == (folder / "FORUM2026-0001.pdf").read_bytes()


def test_the_backend_is_pluggable_and_sends_each_document_once(
    conference, django_capture_on_commit_callbacks
):
    SENT.clear()
    register(conference, "A", ean=EAN_AALBORG)
    with override_settings(
        FORSAMLING_INVOICE_BACKEND="tests.invoicing.test_sending.RecordingBackend"
    ):
        with django_capture_on_commit_callbacks(execute=True):
            [invoice] = services.issue_due(edition=conference.edition, today=TODAY).issued
        with django_capture_on_commit_callbacks(execute=True):
            note = services.credit_invoice(invoice=invoice, reason="Fejl", today=TODAY)
        sending.send_invoice(invoice.pk)  # again: already sent, nothing happens
    assert [(o.invoice.number, o.channel, [f.name for f in o.files]) for o in SENT] == [
        ("FORUM2026-0001", "peppol", ["FORUM2026-0001.xml"]),
        ("FORUM2026-0002", "peppol", ["FORUM2026-0002.xml"]),
    ]
    assert Invoice.objects.get(pk=note.pk).sent_at is not None


def test_a_buyer_who_asks_for_oioubl_gets_it(
    conference, outbox, django_capture_on_commit_callbacks
):
    from forsamling.invoicing import validation
    from forsamling.invoicing.models import Buyer

    Buyer.objects.create(
        edition=conference.edition, name="Aalborg Kommune", ean=EAN_AALBORG,
        electronic_format="oioubl",
    )  # fmt: skip
    register(conference, "A", ean=EAN_AALBORG, person_reference="ABCDE")
    with django_capture_on_commit_callbacks(execute=True):
        [invoice] = services.issue_due(edition=conference.edition, today=TODAY).issued
    with django_capture_on_commit_callbacks(execute=True):
        services.credit_invoice(invoice=invoice, reason="Fejl", today=TODAY)  # same format
    folder = outbox / conference.edition.slug
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["FORUM2026-0001.oioubl.xml", "FORUM2026-0002.oioubl.xml"]
    for name in names:
        assert validation.check_oioubl((folder / name).read_bytes()).ok


class FailingBackend:
    """An access point that is down."""

    def send(self, outgoing: sending.Outgoing) -> None:
        raise ConnectionError("access point down")


def test_documents_not_sent_are_sent_again(conference, outbox, django_capture_on_commit_callbacks):
    register(conference, "A", ean=EAN_AALBORG)
    with (
        override_settings(FORSAMLING_INVOICE_BACKEND="tests.invoicing.test_sending.FailingBackend"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        [invoice] = services.issue_due(edition=conference.edition, today=TODAY).issued
    invoice.refresh_from_db()
    assert invoice.sent_at is None

    assert services.send_unsent(edition=conference.edition) == 1

    invoice.refresh_from_db()
    assert invoice.sent_at is not None
    assert (outbox / conference.edition.slug / "FORUM2026-0001.xml").exists()
    assert services.send_unsent(edition=conference.edition) == 0
