"""PDFs made in the background: ordered, made with progress, shown, and downloaded."""

import pytest

from forsamling.outputs import jobs
from forsamling.outputs.models import JobStatus, OutputJob, OutputKind
from forsamling.registration.services import cancel_registration
from tests.backoffice.conftest import register
from tests.outputs.pdf_text import needs_poppler, pdf_pages, pdf_text

pytestmark = needs_poppler


def make(conference, kind):
    job = OutputJob.objects.create(edition=conference.edition, kind=kind)
    jobs.make_pdf(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    return job, job.file.read()


def test_ordering_a_pdf_runs_the_task_on_commit(
    client, conference, people, users, django_capture_on_commit_callbacks
):
    client.force_login(users.organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/backoffice/konference/{conference.edition.slug}/pdf/bestil/",
            {"kind": OutputKind.BADGE_SHEETS},
        )
    job = OutputJob.objects.get()
    assert response["Location"].endswith(f"/pdf/{job.pk}/")
    assert (job.status, job.done, job.total, job.created_by) == ("done", 5, 5, users.organiser)
    page = client.get(response["Location"]).content.decode()
    assert "<progress" in page and 'value="5"' in page and "Hent PDF" in page
    assert 'http-equiv="refresh"' not in page
    download = client.get(f"{response['Location']}hent/")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_queued_job_page_refreshes_itself_and_has_no_download(client, conference, users):
    job = OutputJob.objects.create(edition=conference.edition, kind=OutputKind.DOOR_LISTS)
    client.force_login(users.viewer)
    base = f"/backoffice/konference/{conference.edition.slug}/pdf/{job.pk}/"
    page = client.get(base).content.decode()
    # Refreshed in place by refresh.js, not by reloading the page (axe: meta-refresh).
    assert 'data-refresh-url="' in page and "<progress" in page
    assert 'http-equiv="refresh"' not in page
    assert client.get(f"{base}hent/").status_code == 404


def test_an_unknown_kind_is_refused(client, conference, users):
    client.force_login(users.organiser)
    response = client.post(
        f"/backoffice/konference/{conference.edition.slug}/pdf/bestil/", {"kind": "evil"}
    )
    assert response.status_code == 302 and not OutputJob.objects.exists()


def test_badge_sheets_hold_eight_per_page_in_danish_order(conference, people):
    for i in range(6):
        register(conference, f"Deltager {i:02d} Deltagersen", sessions=[conference.big])
    job, pdf = make(conference, OutputKind.BADGE_SHEETS)
    assert (job.done, job.total) == (11, 11)
    assert pdf_pages(pdf) == 2
    text = pdf_text(pdf)
    # By surname, the Danish way: Andersen, Deltagersen, Ørum.
    assert text.index("Bo Andersen") < text.index("Deltager 05") < text.index("Aase Ørum")
    assert "KOMMUNALPOLITIKER" in text and "STANDPERSONALE" in text


def test_badges_one_per_page_leave_out_cancelled(conference, people):
    cancel_registration(registration=people.zara)
    _job, pdf = make(conference, OutputKind.BADGE_PAGES)
    assert pdf_pages(pdf) == 4
    assert "Zara Holm" not in pdf_text(pdf)


def test_badges_are_made_in_chunks_with_progress(conference, people, monkeypatch):
    seen = []
    original = jobs.plan_for

    def small_chunks(edition, kind):
        plan = original(edition, kind)
        return jobs.Plan(plan.items, 2, lambda chunk: seen.append(len(chunk)) or plan.html(chunk))

    monkeypatch.setattr(jobs, "plan_for", small_chunks)
    _job, pdf = make(conference, OutputKind.BADGE_PAGES)
    assert seen == [2, 2, 1]
    assert pdf_pages(pdf) == 5


def test_door_lists_have_a_page_per_session_with_seated_people(conference, people):
    _job, pdf = make(conference, OutputKind.DOOR_LISTS)
    text = pdf_text(pdf)
    assert pdf_pages(pdf) == 2
    small = text.split("\f")[0]
    assert "Temamøde 1: Ældrepleje på øerne" in small and "Underskrift" in small
    assert "Ægir Bøgh" in small and "Aase Ørum" in small
    assert "Bo Andersen" not in small  # on the waiting list, so not at the door


def test_invoices_group_by_organisation_with_ean_and_totals(conference, people):
    _job, pdf = make(conference, OutputKind.INVOICES)
    text = pdf_text(pdf)
    aabenraa = next(page for page in text.split("\f") if "Aabenraa Kommune" in page)
    assert "5798000000001" in aabenraa and "PO-17" in aabenraa and "AØ" in aabenraa
    assert "7.990 kr." in aabenraa
    assert "1.900,50 kr." in text
    assert "i alt 17.880,50 kr." in text


def test_participant_list_pdf_has_only_those_who_consented(conference, people):
    _job, pdf = make(conference, OutputKind.PARTICIPANT_LIST)
    text = pdf_text(pdf)
    assert "Øline Ås" in text and "Aase Ørum" in text and "Zara Holm" not in text


def test_a_failing_job_is_marked_failed_with_its_error(conference, monkeypatch):
    def broken(edition, kind):
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(jobs, "plan_for", broken)
    job = OutputJob.objects.create(edition=conference.edition, kind=OutputKind.INVOICES)
    jobs.make_pdf(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "printer on fire" in job.error
    assert job.finished_at is not None


@pytest.mark.slow
def test_the_database_worker_makes_the_pdf(conference, people, settings, transactional_db):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from forsamling.outputs.jobs import make_pdf_task

    job = OutputJob.objects.create(edition=conference.edition, kind=OutputKind.DOOR_LISTS)
    make_pdf_task.using(backend="default").enqueue(job.pk)
    call_command("db_worker", batch=True)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE


def test_a_second_pdf_of_the_same_kind_downloads_under_the_same_name(
    client, conference, people, users
):
    make(conference, OutputKind.DOOR_LISTS)
    job, _pdf = make(conference, OutputKind.DOOR_LISTS)
    client.force_login(users.viewer)
    response = client.get(f"/backoffice/konference/2026/pdf/{job.pk}/hent/")
    assert 'filename="doerlister-2026.pdf"' in response["Content-Disposition"]
