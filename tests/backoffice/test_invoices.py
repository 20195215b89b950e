"""Invoices in the back office: organisers draft, issue in bulk, credit and download."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.contrib.messages import get_messages

from forsamling.invoicing import validation
from forsamling.invoicing.models import Buyer, Invoice, Seller, State
from forsamling.registration.models import Registration
from tests.invoicing.conftest import (
    EAN_AALBORG,
    assert_every_issued_document_passes,
    ensure_public_buyers,
    make_seller,
    register,
)


@pytest.fixture
def seller(conference):
    ensure_public_buyers()  # the list's addresses, should a transactional test have emptied it
    yield make_seller(conference.edition)
    assert_every_issued_document_passes()


def url(conference, rest=""):
    return f"/backoffice/konference/{conference.edition.slug}/fakturaer/{rest}"


def texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_only_organisers_see_invoices(client, conference, users, seller):
    for user in (users.viewer, users.checkin, users.no_role):
        client.force_login(user)
        assert client.get(url(conference)).status_code == 403
        assert client.post(url(conference, "dan-kladder/")).status_code == 403
    client.force_login(users.organiser)
    response = client.get(url(conference))
    assert response.status_code == 200
    assert "Fakturaer" in response.text


def test_the_nav_links_to_invoices_for_organisers_only(client, conference, users, seller):
    client.force_login(users.organiser)
    assert (
        url(conference)
        in client.get(f"/backoffice/konference/{conference.edition.slug}/overblik/").text
    )
    client.force_login(users.viewer)
    assert (
        url(conference)
        not in client.get(f"/backoffice/konference/{conference.edition.slug}/overblik/").text
    )


def five_buyers(conference):
    """Two participants of Aalborg Kommune with its EAN (and the list's address), three of
    associations invoiced by PDF: each alone, five invoices that can all be issued."""
    for name in ("Aase", "Bo"):
        register(conference, name, ean=EAN_AALBORG)
    for name, organisation in (("Cai", "Danske Ældreråd"), ("Dan", "Ældre Sagen"),
                               ("Eva", "Foreningen X")):  # fmt: skip
        register(conference, name, organisation=organisation)


def test_draft_then_issue_all_in_one_run_and_download_its_zip(client, conference, users, seller):
    five_buyers(conference)
    client.force_login(users.organiser)
    response = client.post(url(conference, "dan-kladder/"), follow=True)
    drafts = Invoice.objects.filter(state=State.DRAFT).count()
    assert drafts == 5  # five participants, each alone: five invoices
    assert any("kladder er dannet" in t for t in texts(response))

    response = client.post(url(conference, "udsted/"), follow=True)

    assert any("5 fakturaer er udstedt" in t for t in texts(response))
    run = Invoice.objects.values_list("run", flat=True).distinct().get()
    assert f"?run={run}" in response.redirect_chain[-1][0]
    archive = zipfile.ZipFile(io.BytesIO(client.get(url(conference, f"koersel/{run}.zip")).content))
    names = sorted(archive.namelist())
    with_ean = Invoice.objects.exclude(buyer_ean="").values_list("number", flat=True)
    assert len(names) == 5  # the XML for a buyer with an EAN, the PDF for the others
    for number in with_ean:
        assert validation.check_peppol(archive.read(f"{number}.xml")).ok


def test_issue_chosen_drafts_only(client, conference, users, seller):
    five_buyers(conference)
    client.force_login(users.organiser)
    client.post(url(conference, "dan-kladder/"))
    first, *rest = Invoice.objects.filter(state=State.DRAFT).order_by("pk")
    client.post(url(conference, "udsted/"), {"chosen": "1", "invoice": [first.pk]})
    first.refresh_from_db()
    assert first.number == "FORUM2026-0001"
    assert Invoice.objects.filter(state=State.DRAFT).count() == len(rest)
    response = client.post(url(conference, "udsted/"), {"chosen": "1"}, follow=True)
    assert any("Vælg de kladder" in t for t in texts(response))


def test_a_municipality_without_ean_waits_until_an_organiser_fills_it_in(
    client, conference, users, seller
):
    """Vejen Kommune typed without EAN or reference: the draft says why it waits, bulk issue
    skips it, and the form on the draft fills in the EAN (onto the registration) and the
    reference (onto the buyer); the list gives the town hall's address."""
    r = register(conference, "Vera Vejen", organisation="Vejen Kommune", order_reference="")
    register(conference, "Cai", organisation="Danske Ældreråd")
    client.force_login(users.organiser)
    client.post(url(conference, "dan-kladder/"))
    draft = Invoice.objects.get(buyer_name="Vejen Kommune")
    assert (draft.buyer_street, draft.buyer_postcode, draft.buyer_city) == (
        "Rådhuspassagen 3", "6600", "Vejen",
    )  # fmt: skip
    assert draft.buyer_reference == ""  # never the participant's name

    response = client.post(url(conference, "udsted/"), follow=True)
    assert any("1 faktura er udstedt" in t for t in texts(response))
    assert any("1 kladde venter på EAN-nummer, reference eller adresse (Vejen Kommune)" in t
               for t in texts(response))  # fmt: skip
    draft.refresh_from_db()
    assert draft.state == State.DRAFT

    page = client.get(url(conference, f"{draft.pk}/")).text
    assert "Kladden kan ikke udstedes endnu" in page
    assert "fakturaen mangler: EAN-nummer, reference" in page
    assert "udfyld/" in page

    bad = client.post(url(conference, f"{draft.pk}/udfyld/"), {"ean": "0000000000000"})
    assert bad.status_code == 400
    assert "ikke kun nuller" in bad.text
    assert "Reference: Udfyld feltet." in bad.text

    done = client.post(
        url(conference, f"{draft.pk}/udfyld/"), {"ean": EAN_AALBORG, "reference": "VEJ-4411"},
        follow=True,
    )  # fmt: skip
    assert any("klar til at blive udstedt" in t for t in texts(done))
    r.refresh_from_db()
    assert r.ean == EAN_AALBORG
    assert Buyer.objects.get(name="Vejen Kommune", ean=EAN_AALBORG).reference == "VEJ-4411"
    client.post(url(conference, "dan-kladder/"))  # made afresh: keeps what was filled in
    client.post(url(conference, "udsted/"))
    invoice = Invoice.objects.get(buyer_name="Vejen Kommune")
    assert (invoice.state, invoice.buyer_ean, invoice.buyer_reference) == (
        State.ISSUED, EAN_AALBORG, "VEJ-4411",
    )  # fmt: skip
    assert_every_issued_document_passes()


def test_an_invalid_ean_is_named_when_issuing(client, conference, users, seller):
    r = register(conference, "Bad", organisation="Vejle Kommune")
    Registration.objects.filter(pk=r.pk).update(ean="5798000000002")
    client.force_login(users.organiser)
    client.post(url(conference, "dan-kladder/"))
    response = client.post(url(conference, "udsted/"), follow=True)
    assert any(
        "Ikke udstedt: Vejle Kommune. EAN-nummeret 5798000000002 er ikke gyldigt" in t
        for t in texts(response)
    )


def test_crediting_needs_a_reason_and_keeps_nothing_typed_lost(client, conference, users, seller):
    register(conference, "A", ean=EAN_AALBORG)
    client.force_login(users.organiser)
    client.post(url(conference, "dan-kladder/"))
    client.post(url(conference, "udsted/"))
    invoice = Invoice.objects.get()

    response = client.post(url(conference, f"{invoice.pk}/krediter/"), {"reason": "  "})
    assert response.status_code == 400
    assert 'id="error-summary"' in response.text
    assert "Skriv, hvorfor fakturaen krediteres." in response.text
    assert 'aria-invalid="true"' in response.text

    response = client.post(
        url(conference, f"{invoice.pk}/krediter/"), {"reason": "Afmeldt før fristen"}, follow=True
    )
    note = Invoice.objects.get(kind="credit_note")
    assert (note.number, note.reason, note.credits) == (
        "FORUM2026-0002",
        "Afmeldt før fristen",
        invoice,
    )
    assert "Kreditnota FORUM2026-0002" in response.text
    invoice.refresh_from_db()
    assert invoice.state == State.CREDITED


def test_downloads_of_one_document(client, conference, users, seller):
    register(conference, "A", ean=EAN_AALBORG)
    register(conference, "B", organisation="Foreningen X")
    client.force_login(users.organiser)
    client.post(url(conference, "dan-kladder/"))
    draft = Invoice.objects.first()
    assert client.get(url(conference, f"{draft.pk}/hent/pdf/")).status_code == 404
    client.post(url(conference, "udsted/"))
    with_ean = Invoice.objects.exclude(buyer_ean="").get()
    without = Invoice.objects.get(buyer_ean="")

    xml = client.get(url(conference, f"{with_ean.pk}/hent/peppol/"))
    assert xml["Content-Disposition"] == f'attachment; filename="{with_ean.number}.xml"'
    assert validation.check_peppol(xml.content).ok
    assert validation.check_oioubl(
        client.get(url(conference, f"{with_ean.pk}/hent/oioubl/")).content
    ).ok
    assert client.get(url(conference, f"{without.pk}/hent/pdf/")).content.startswith(b"%PDF")
    assert client.get(url(conference, f"{without.pk}/hent/peppol/")).status_code == 404
    assert client.get(url(conference, f"{without.pk}/hent/nonsense/")).status_code == 404


def test_seller_form_refuses_bad_data_and_keeps_what_was_typed(client, conference, users):
    client.force_login(users.organiser)
    data = {
        "name": "KL", "street": "Weidekampsgade 10", "postcode": "23", "city": "København S",
        "cvr": "12345678", "contact_name": "", "contact_email": "", "contact_phone": "",
        "payment_means": "42", "bank_branch": "15", "bank_account": "12 34",
        "payment_terms_days": "30", "number_prefix": "FORUM2026-",
    }  # fmt: skip
    response = client.post(url(conference, "saelger/"), data)
    assert response.status_code == 400
    assert 'id="error-summary"' in response.text
    for message in ("CVR-nummeret skal være 8 cifre", "Et dansk postnummer er 4 cifre",
                    "Registreringsnummeret er 4 cifre"):  # fmt: skip
        assert message in response.text
    assert 'value="Weidekampsgade 10"' in response.text
    assert not Seller.objects.exists()

    data.update(postcode="2300", cvr="55133018", bank_branch="1551")
    response = client.post(url(conference, "saelger/"), data)
    assert response.status_code == 302
    seller = Seller.objects.get()
    assert (seller.cvr, seller.bank_account, seller.vat_id) == ("55133018", "1234", "DK55133018")


def test_the_series_prefix_is_locked_once_numbers_are_given(client, conference, users, seller):
    seller.last_number = 3
    seller.save()
    client.force_login(users.organiser)
    response = client.get(url(conference, "saelger/"))
    assert "Kan ikke ændres, når der er udstedt fakturaer" in response.text


def test_a_buyer_can_ask_for_one_order_one_invoice(client, conference, users, seller):
    register(conference, "A", ean=EAN_AALBORG, order_reference="PO-1")
    register(conference, "B", ean=EAN_AALBORG, order_reference="PO-1")
    client.force_login(users.organiser)
    client.post(url(conference, "dan-kladder/"))
    assert Invoice.objects.count() == 2
    buyer = Buyer.objects.get()
    response = client.post(
        url(conference, f"koebere/{buyer.pk}/"),
        {"cvr": "29189420", "street": "Boulevarden 13", "postcode": "9000", "city": "Aalborg",
         "email": "", "one_order_one_invoice": "on", "electronic_format": "peppol"},
    )  # fmt: skip
    assert response.status_code == 302
    client.post(url(conference, "dan-kladder/"))
    [invoice] = Invoice.objects.all()
    assert (invoice.lines.count(), invoice.buyer_cvr, invoice.buyer_city) == (
        2,
        "29189420",
        "Aalborg",
    )
    bad = client.post(url(conference, f"koebere/{buyer.pk}/"), {"cvr": "1", "postcode": ""})
    assert bad.status_code == 400


def test_the_list_takes_a_fixed_number_of_queries(
    client, conference, users, seller, django_assert_max_num_queries
):
    for i in range(25):
        register(conference, f"Deltager {i}", ean=EAN_AALBORG)
    client.force_login(users.organiser)
    client.post(url(conference, "dan-kladder/"))
    client.post(url(conference, "udsted/"))
    with django_assert_max_num_queries(14):
        response = client.get(url(conference))
    assert response.text.count("FORUM2026-00") >= 25


def test_documents_not_sent_can_be_sent_again(client, conference, users, seller):
    register(conference, "A", ean=EAN_AALBORG)
    client.force_login(users.organiser)
    client.post(url(conference, "dan-kladder/"))
    client.post(url(conference, "udsted/"))  # not sent: the test's transaction never commits
    assert "Send 1 dokument, der ikke er sendt" in client.get(url(conference)).text
    response = client.post(url(conference, "send-igen/"), follow=True)
    assert any("1 dokument sendes igen" in t for t in texts(response))
    assert Invoice.objects.get().sent_at is not None
    client.force_login(users.viewer)
    assert client.post(url(conference, "send-igen/")).status_code == 403
