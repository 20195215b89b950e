"""A person who used every public form is gone from every table and every file after their
erasure and the retention's run after it (issue 24), and their export held everything the
scan found before.

One person, Vibeke Thorsager, registers herself (with a diet and the dinner), starts a group
as its secretary, is named as stand staff by an exhibitor, nominates a project with an
attachment that names her, and asks for her link again; organisers change her registration in
the admin and make badges, door lists and the participant list. She then takes a calendar
feed, is invited as a speaker and fills in her speaker page with slides naming her, gets a
seat at a dinner table, has her badge scanned at a stand with a note naming her, and answers
the evaluation with a text naming her; the kitchen list names her for her diet. Then she
erases herself on her private link.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forsamling.checkin.survey_recipients import survey_recipients
from forsamling.checkin.tokens import badge_code
from forsamling.domain.meals import DIETS
from forsamling.exhibitors.models import Exhibitor, Lead
from forsamling.outbox.models import SentMessage
from forsamling.outputs.models import OutputJob, OutputKind
from forsamling.privacy import consents, registry
from forsamling.privacy.retention import apply_retention
from forsamling.prizes.models import Prize
from forsamling.programme.models import ItemSpeaker, Speaker
from forsamling.registration.models import (
    CalendarFeed,
    Category,
    GroupBooking,
    Meal,
    MealKind,
    Purpose,
    Registration,
    TableSeat,
)
from forsamling.speakers.models import SpeakerRecord
from forsamling.surveys import services as surveys
from forsamling.surveys.models import Audience
from forsamling.surveys.models import Invitation as SurveyInvitation
from forsamling.surveys.tokens import link_token
from tests.exhibitors.conftest import make_stand
from tests.exhibitors.test_pages import booking_data
from tests.factories import organiser_client
from tests.privacy.builders import future_dates
from tests.prizes.conftest import complete_values
from tests.registration.test_pages import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

NAME = "Vibeke Thorsager"
EMAIL = "vibeke.thorsager@randers.dk"
PHONE = "41 52 63 74"
NEEDLES = (NAME, EMAIL, PHONE, PHONE.replace(" ", ""))
# The bookkeeping record bogføringsloven keeps, minimised; nothing else may name her.
BOOKKEEPING = {"privacy.RetainedInvoiceLine", "invoicing.Invoice", "invoicing.InvoiceLine"}


def scan_tables() -> set[tuple[str, int]]:
    """Every row of every model (Django's admin log included) with a text field naming her."""
    found = set()
    for model in apps.get_models():
        texts = [
            f
            for f in model._meta.get_fields()
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
            and not f.primary_key
        ]
        if not texts:
            continue
        queryset = model._default_manager.annotate(
            **{f"_t_{f.name}": Cast(f.name, TextField()) for f in texts}
        )
        q = Q(pk__in=[])
        for field in texts:
            for needle in NEEDLES:
                q |= Q(**{f"_t_{field.name}__icontains": needle})
        found |= {(model._meta.label, pk) for pk in queryset.filter(q).values_list("pk", flat=True)}
    return found


def _text_of(path: Path) -> str:
    data = path.read_bytes()
    text = data.decode("utf-8", errors="ignore")
    if data.startswith(b"%PDF-"):
        text += subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=False
        ).stdout
    return text


def pdf_text(data: bytes) -> str:
    found = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=False
    )
    return " ".join(found.stdout.decode().split())


def scan_files(root: Path) -> set[Path]:
    """Every file under the media folder and the rest of var/ whose bytes or text name her."""
    found = set()
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            text = " ".join(_text_of(path).split())
            if any(needle in text for needle in NEEDLES):
                found.add(path)
    return found


def owner_of(path: Path, media: Path) -> str:
    """The model whose file field holds this file."""
    relative = str(path.relative_to(media))
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.FileField)
                and model._default_manager.filter(**{field.name: relative}).exists()
            ):
                return model._meta.label
    raise AssertionError(f"{relative} belongs to no row")


def attachment_naming_her() -> SimpleUploadedFile:
    body = f"%PDF-1.4\n% Projektbeskrivelse ved {NAME}, {EMAIL}\n1 0 obj<<>>endobj\n"
    return SimpleUploadedFile("projekt.pdf", (body + "trailer<<>>\n%%EOF\n").encode())


def slides_naming_her() -> SimpleUploadedFile:
    body = f"%PDF-1.4\n% Oplæg af {NAME}, {EMAIL}\n1 0 obj<<>>endobj\n"
    return SimpleUploadedFile("oplaeg.pdf", (body + "trailer<<>>\n%%EOF\n").encode())


def use_the_newer_forms(client, staff, edition, her, exhibitor, run) -> None:
    """Her calendar feed, speaker page, dinner seat, a lead with a note, a survey answer."""
    slug, link = edition.slug, {"edition": edition.slug, "token": her.token}
    with run(execute=True):
        client.post(reverse("public:my_programme_feed", kwargs=link), {"action": "create"})
    assert CalendarFeed.objects.filter(registration=her).exists()

    # Invited as a speaker by the organisers; she confirms on her speaker page.
    speaker = Speaker.objects.create(name=NAME)
    ItemSpeaker.objects.create(item=edition.houses_slot, speaker=speaker)
    category = Category.objects.create(
        edition=edition, key="taler", name="Oplægsholder", price=0, invitation_only=True, order=9
    )
    with run(execute=True):
        invited = staff.post(
            reverse("backoffice:speaker_invite", kwargs={"edition": slug}),
            {"speaker": speaker.pk, "email": EMAIL, "category": category.pk},
        )
    assert invited.status_code == 302
    record = SpeakerRecord.objects.get(email=EMAIL)
    assert SentMessage.objects.filter(to=EMAIL, body__contains=record.token).exists()
    with run(execute=True):
        response = client.post(
            reverse("public:speaker_page", kwargs={"edition": slug, "token": record.token}),
            {
                "title": "Sundhedschef", "organisation": "Randers Kommune",
                "bio": f"{NAME} leder sundhedsområdet; skriv til {EMAIL}.",
                "travel": "Tog fra Randers", "dietary": "Ingen rå løg",
                "technical_needs": f"Mikrofon til {NAME}", "slides": slides_naming_her(),
            },
        )  # fmt: skip
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.registration == her and record.slides

    # A seat at the dinner, placed by the organisers.
    dinner = {"edition": slug}
    assert (
        staff.post(reverse("backoffice:dinner_tables", kwargs=dinner), {"sizes": "4"}).status_code
        == 302
    )
    staff.post(
        reverse("backoffice:dinner_place", kwargs={**dinner, "registration_id": her.pk}),
        {"table": "1"},
    )
    assert TableSeat.objects.filter(registration=her).exists()
    staff.get(reverse("backoffice:dinner", kwargs=dinner))  # its messages, read

    # Her badge scanned at the stand, with her consent, and a note naming her.
    consents.give_consent(registration=her, purpose=Purpose.EXHIBITOR_LEADS)
    scan = reverse("public:exhibitor_leads", kwargs={"edition": slug, "token": exhibitor.token})
    client.post(scan, {"code": badge_code(her.pk), "note": f"{NAME} vil have et tilbud"})
    assert Lead.objects.filter(registration=her, note__contains=NAME).exists()

    # The evaluation, sent when the conference is over, answered with a text naming her.
    end = edition.end_date
    edition.end_date = timezone.localdate()
    edition.save(update_fields=["end_date"])
    survey = surveys.survey_for(edition)
    question = surveys.add_question(
        survey=survey, part="overall", kind="text", text="Hvad kan vi gøre bedre?"
    )
    with run(execute=True):
        surveys.send_survey(survey=survey, recipients=survey_recipients(edition, Audience.ALL))
    token = link_token(SurveyInvitation.objects.get(registration=her).nonce)
    assert SentMessage.objects.filter(to=EMAIL, body__contains=token).exists()  # the outbox's
    with run(execute=True):
        response = client.post(
            reverse("public:survey", kwargs={"edition": slug, "token": token}),
            {f"q{question.pk}": f"Hilsen {NAME}, {EMAIL}"},
        )
    assert response.status_code == 302
    edition.end_date = end
    edition.save(update_fields=["end_date"])


@pytest.fixture
def var(settings, tmp_path) -> Path:
    """A var/ folder of the test's own, with the media folder in it as in production."""
    root = tmp_path / "var"
    settings.MEDIA_ROOT = root / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.EMAIL_FILE_PATH = str(root / "mail")
    settings.FORSAMLING_INVOICE_OUTBOX = str(root / "invoices" / "outbox")
    return root


def test_a_person_is_gone_from_every_table_and_file_and_their_export_had_it_all(
    client, edition, var, django_capture_on_commit_callbacks
):
    now = timezone.now()
    future_dates(edition)
    edition.exhibitors_open_at = now - timedelta(days=1)
    edition.save(update_fields=["exhibitors_open_at"])
    stand = make_stand(edition, "A1")
    Prize.objects.create(
        edition=edition,
        nominations_open_at=now - timedelta(days=1),
        nominations_close_at=now + timedelta(days=30),
        jury_deadline=now + timedelta(days=60),
    )
    slug = edition.slug
    run = django_capture_on_commit_callbacks

    # 1. Her own registration.
    with run(execute=True):
        response = client.post(
            reverse("public:register", kwargs={"edition": slug}),
            form_data(
                edition,
                idempotency_key="vibeke",
                name=NAME,
                email=EMAIL,
                phone=PHONE,
                diets=[DIETS[0]],
                dietary="Ingen rå løg",
            ),
        )
    assert response.status_code == 302
    her = Registration.objects.get(email=EMAIL)

    # 2. A group she is the secretary of, with a colleague in it.
    with run(execute=True):
        client.post(
            reverse("public:registration_group_start", kwargs={"edition": slug}),
            {"organisation": "Randers Kommune", "secretary_name": NAME, "secretary_email": EMAIL},
        )
    group = GroupBooking.objects.get()
    with run(execute=True):
        response = client.post(
            reverse("public:registration_group", kwargs={"edition": slug, "token": group.token}),
            form_data(
                edition, idempotency_key="jens", name="Jens Kolding", email="jens@randers.dk"
            ),
        )
    assert response.status_code == 302

    # 3. An exhibitor names her as stand staff.
    with run(execute=True):
        client.post(
            reverse("public:exhibitor_book", kwargs={"edition": slug}), booking_data([stand])
        )
    exhibitor = Exhibitor.objects.get()
    with run(execute=True):
        response = client.post(
            reverse(
                "public:exhibitor_add_staff", kwargs={"edition": slug, "token": exhibitor.token}
            ),
            {"name": NAME, "email": EMAIL, "title": "Konsulent", "dinner": "nej"},
        )
    assert response.status_code == 302

    # 4. A nomination with an attachment naming her.
    with run(execute=True):
        response = client.post(
            reverse("public:prize_nominate", kwargs={"edition": slug}),
            {
                **complete_values(
                    contact_name=NAME,
                    contact_email=EMAIL,
                    contact_phone=PHONE,
                    description=f"Projektet ledes af {NAME}; spørgsmål til {EMAIL}.",
                ),
                "action": "submit",
                "attachments": [attachment_naming_her()],
            },
        )
    assert response.status_code == 302

    # 5. "Send my link" with her address.
    with run(execute=True):
        client.post(
            reverse("public:registration_resend", kwargs={"edition": slug}), {"email": EMAIL}
        )

    # 6. The newer forms: calendar, speaker page, dinner seat, lead, survey; and her dinner.
    staff = organiser_client(Client())
    Meal.objects.create(
        edition=edition, day=edition.start_date, kind=MealKind.DINNER, name="Middag"
    )
    use_the_newer_forms(client, staff, edition, her, exhibitor, run)
    kitchen = reverse("backoffice:kitchen_pdf", kwargs={"edition": slug})
    assert NAME in pdf_text(staff.get(kitchen).content)

    # 7. Organisers: a change in the admin, and the PDFs that name people.
    LogEntry.objects.log_actions(
        user_id=staff.session["_auth_user_id"],
        queryset=[her],
        action_flag=CHANGE,
        change_message="Ændrede telefon.",
    )
    for kind in (OutputKind.BADGE_SHEETS, OutputKind.DOOR_LISTS, OutputKind.PARTICIPANT_LIST):
        with run(execute=True):
            staff.post(reverse("backoffice:order_pdf", kwargs={"edition": slug}), {"kind": kind})
    assert OutputJob.objects.exclude(file="").count() == 3

    # Before: she is in every store the officer listed.
    tables, files = scan_tables(), scan_files(var)
    labels = {label for label, _ in tables}
    assert {
        "registration.Registration", "registration.GroupBooking", "exhibitors.StandStaff",
        "prizes.Nomination", "outbox.SentMessage", "core.RateCounter", "admin.LogEntry",
        "speakers.SpeakerRecord", "exhibitors.Lead", "surveys.Answer",
    } <= labels  # fmt: skip
    owners = {owner_of(path, var / "media") for path in files}
    assert owners == {"prizes.Attachment", "outputs.OutputJob", "speakers.SpeakerRecord"}
    assert len(files) == 5  # the attachment, the slides, badges, door lists, participant list
    # Rows of hers that name no one but point at her registration.
    linked = {
        "registration.TableSeat": TableSeat, "registration.CalendarFeed": CalendarFeed,
        "surveys.Invitation": SurveyInvitation,
    }  # fmt: skip
    assert all(model.objects.filter(registration=her).exists() for model in linked.values())

    # Her export holds every store the scan found her in.
    link = {"edition": slug, "token": her.token}
    exported = client.get(reverse("public:privacy_json", kwargs=link)).json()
    sections = set(exported["registre"])
    for label in labels | owners | set(linked):
        assert registry.section(registry.declared(label)) in sections, label
    assert DIETS[0] in json.dumps(exported, ensure_ascii=False)  # her diet (art. 9)
    readable = client.get(reverse("public:privacy_data", kwargs=link)).content.decode()
    for label in {"speakers.SpeakerRecord", "exhibitors.Lead", "surveys.Answer", *linked}:
        assert registry.section(registry.declared(label)) in readable, label
    assert json.dumps(exported, ensure_ascii=False).count(NAME) >= 3

    # The erasure: effective at once for her and for the organisers.
    with run(execute=True):
        response = client.post(reverse("public:privacy_erase", kwargs=link))
    assert response.status_code == 302
    assert client.get(reverse("public:registration", kwargs=link)).status_code == 404
    assert client.get(reverse("public:privacy_json", kwargs=link)).status_code == 404
    listing = staff.get(reverse("backoffice:registrations", kwargs={"edition": slug}))
    assert listing.status_code == 200 and NAME not in listing.content.decode()
    assert OutputJob.objects.exclude(file="").count() == 3  # made again, without her
    assert NAME not in pdf_text(staff.get(kitchen).content)  # the kitchen's, made anew
    assert not any(model.objects.filter(registration=her).exists() for model in linked.values())
    assert not SpeakerRecord.objects.exists() and not Lead.objects.exists()
    her.refresh_from_db()
    assert her.diets == [] and her.dietary == ""
    # The cancellation's confirmation still reached her, written before she was anonymised.
    assert [m.subject for m in mail.outbox if m.to == [EMAIL] and "afmelding" in m.subject]

    # The retention's next run (the cancellation's confirmation has gone by then).
    with run(execute=True):
        apply_retention(now=timezone.now() + timedelta(hours=2))

    left = {(label, pk) for label, pk in scan_tables() if label not in BOOKKEEPING}
    # The published programme keeps her as a speaker, as declared, until the organisers
    # change it; nothing else names her.
    assert left == {("programme.Speaker", Speaker.objects.get().pk)}
    assert scan_files(var) == set()
    # The colleague she registered is still there, with his own data.
    assert Registration.objects.filter(email="jens@randers.dk", name="Jens Kolding").exists()
