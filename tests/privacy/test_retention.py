"""Retention on a clock moved forward: needs, then everything personal, then invoice lines go
on their own dates; nothing personal is left anywhere; the figures stay the same."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from forsamling.backoffice import queries
from forsamling.domain.invoicing import grand_total
from forsamling.outbox.models import SentMessage
from forsamling.outputs import invoices, jobs, spreadsheets
from forsamling.outputs.models import OutputJob, OutputKind
from forsamling.privacy.models import PrivacySettings, RetainedInvoiceLine, RetentionRun
from forsamling.privacy.retention import apply_retention
from forsamling.prizes.models import Nomination, NominationState, Prize
from forsamling.registration.models import Registration
from tests.outputs.pdf_text import needs_poppler, pdf_text
from tests.privacy.builders import future_dates, populate

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def personal_values_left(secrets: set[str], *, skip: tuple = ()) -> list[str]:
    """Every text column of every model, scanned for any of the personal values."""
    found = []
    for model in apps.get_models():
        if model in skip:
            continue
        columns = [f.name for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]
        if not columns:
            continue
        for row in model.objects.values_list(*columns):
            for column, value in zip(columns, row, strict=True):
                text = str(value)
                found += [
                    f"{model.__name__}.{column}: {secret}" for secret in secrets if secret in text
                ]
    return found


def figures(edition):
    o = queries.overview(edition)
    rows = queries.registrations(edition, queries.RegistrationFilter(status="all"))
    return {
        "active": o.active,
        "cancelled": o.cancelled,
        "dinner": o.dinner,
        "checked_in": o.checked_in,
        "per_day": o.per_day,
        "by_category": [(c.pk, n) for c, n in o.by_category],
        "by_organisation": o.by_organisation,
        "sessions": [(line.session.pk, line.taken, line.waiting) for line in o.sessions],
        "revenue": grand_total(invoices.invoices(edition)),
        "export_rows": len(spreadsheets.registration_rows(rows)),
    }


@pytest.fixture
def conference(edition):
    future_dates(edition)
    return edition


@pytest.fixture
def people(conference, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the e-mails are sent and stored
        return populate(conference)


def test_data_is_kept_until_its_date(conference, people):
    assert apply_retention(now=timezone.now() + timedelta(days=14)) == []
    assert personal_values_left(people.secrets)  # the scan finds what is there


def test_needs_go_14_days_after_the_conference_and_nothing_else(conference, people):
    end = timezone.now() + timedelta(days=21 + 14)
    applied = apply_retention(now=end)
    assert [(a.category, a.rows) for a in applied] == [("needs", 5)]
    assert not Registration.objects.exclude(dietary="").exists()
    assert not Registration.objects.exclude(accessibility_needs="").exists()
    assert Registration.objects.filter(name="Birgitte Særligsen").exists()


def test_after_six_months_nothing_personal_is_left_and_the_figures_stand(
    conference, people, client
):
    before = figures(conference)
    assert before["revenue"] > 0 and before["checked_in"] == 1
    later = timezone.now() + timedelta(days=21 + 190)
    applied = apply_retention(now=later)
    assert {a.category for a in applied} == {"needs", "personal"}

    assert personal_values_left(people.secrets, skip=(RetainedInvoiceLine,)) == []
    assert figures(conference) == before
    # Old private links stop working.
    for token in people.tokens:
        assert not Registration.objects.filter(token=token).exists()
    url = f"/{conference.slug}/tilmelding/{sorted(people.tokens)[0]}/"
    assert client.get(url).status_code == 404
    # Stored e-mails keep their subject, not their text or address.
    assert SentMessage.objects.exists()
    assert set(SentMessage.objects.values_list("body", flat=True)) == {
        "[Teksten er slettet efter reglerne for opbevaring af personoplysninger.]"
    }
    # The exports made now hold no one.
    rows = queries.registrations(conference, queries.RegistrationFilter(status="all"))
    csv = spreadsheets.to_csv(
        spreadsheets.REGISTRATION_HEADERS, spreadsheets.registration_rows(rows)
    )
    assert not [s for s in people.secrets if s in csv.decode("utf-8")]
    # Running again changes nothing.
    assert apply_retention(now=later) == []


@needs_poppler
def test_pdfs_made_before_are_deleted_and_new_ones_name_no_one(conference, people):
    job = OutputJob.objects.get(edition=conference)
    assert "Birgitte Særligsen" in pdf_text(job.file.read())
    apply_retention(now=timezone.now() + timedelta(days=21 + 190))
    job.refresh_from_db()
    assert not job.file
    again = OutputJob.objects.create(edition=conference, kind=OutputKind.DOOR_LISTS)
    jobs.make_pdf(again.pk)
    again.refresh_from_db()
    text = pdf_text(again.file.read())
    assert "Anonymiseret" in text
    assert not [s for s in people.secrets if s in text]


def test_invoice_lines_are_kept_five_years_after_the_invoice_year_then_removed(conference, people):
    apply_retention(now=timezone.now() + timedelta(days=21 + 190))
    lines = RetainedInvoiceLine.objects.filter(edition=conference)
    # Four active participants at their price, one late cancellation at its fee.
    assert lines.count() == 5
    assert lines.filter(is_cancellation_fee=True).count() == 1
    assert {line.name for line in lines} >= {"Birgitte Særligsen", "Ulla Overtagersen"}
    assert sum(line.amount for line in lines) == Decimal("3995") * 5 - Decimal("3995") + Decimal(
        "3995"
    )
    year = conference.end_date.year
    last_day = timezone.make_aware(timezone.datetime(year + 5, 12, 31, 23, 0))
    assert apply_retention(now=last_day) == []
    assert lines.count() == 5
    applied = apply_retention(now=last_day + timedelta(hours=2))
    assert [(a.category, a.rows) for a in applied] == [("invoice", 5)]
    assert personal_values_left(people.secrets) == []


def test_organisers_periods_are_used(conference, people):
    PrivacySettings.objects.create(edition=conference, needs_days=0, personal_months=0)
    applied = apply_retention(now=timezone.now() + timedelta(days=22))
    assert {a.category for a in applied} == {"needs", "personal"}
    assert RetentionRun.objects.filter(edition=conference).count() == 2


def test_the_command_pretends_it_is_another_moment(conference, people, capsys):
    moment = (timezone.localdate() + timedelta(days=21 + 14)).isoformat()
    call_command("apply_retention", "--edition", conference.slug, "--now", moment)
    assert "needs: 5" in capsys.readouterr().out
    call_command("apply_retention", "--now", moment)
    assert "Nothing due." in capsys.readouterr().out


def test_a_nominations_contact_person_goes_with_the_editions_personal_data(conference, people):
    now = timezone.now()
    prize = Prize.objects.create(
        edition=conference,
        name="KL's Forebyggelsespris",
        theme="Forebyggelse",
        description="Prisen",
        nominations_open_at=now - timedelta(days=10),
        nominations_close_at=now - timedelta(days=1),
        jury_deadline=now,
    )
    nomination = Nomination.objects.create(
        prize=prize,
        state=NominationState.SUBMITTED,
        municipality="Vejle",
        project_title="Røgfri skoletid",
        contact_name="Kirsten Kontaktsen",
        contact_title="Sundhedschef",
        contact_email="kirsten.kontaktsen@vejle.dk",
        contact_phone="+45 12 34 56 78",
    )
    token = nomination.token
    apply_retention(now=timezone.now() + timedelta(days=14))
    nomination.refresh_from_db()
    assert nomination.contact_email == "kirsten.kontaktsen@vejle.dk"  # not yet

    apply_retention(now=timezone.now() + timedelta(days=21 + 190))
    secrets = {"Kirsten Kontaktsen", "kirsten.kontaktsen@vejle.dk", "+45 12 34 56 78", token}
    assert personal_values_left(secrets) == []
    nomination.refresh_from_db()
    assert (nomination.municipality, nomination.project_title) == ("Vejle", "Røgfri skoletid")
