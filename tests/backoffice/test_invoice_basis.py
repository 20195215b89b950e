"""The invoice basis (EANs, order references, amounts) is the invoicing's data: organisers only,
as its XLSX and as a finished PDF; a viewer, who may export participant lists, may not."""

from django.core.files.base import ContentFile

from forsamling.outputs.models import JobStatus, OutputJob, OutputKind

XLSX = "/backoffice/konference/2026/fakturagrundlag.xlsx"


def test_a_viewer_cannot_download_the_invoice_basis(client, conference, people, users):
    client.force_login(users.viewer)
    response = client.get(XLSX)
    assert response.status_code == 403
    assert b"5798000000001" not in response.content
    outputs = client.get("/backoffice/konference/2026/pdf/").content.decode()
    assert "fakturagrundlag.xlsx" not in outputs


def test_an_organiser_downloads_the_invoice_basis(client, conference, people, users):
    client.force_login(users.organiser)
    response = client.get(XLSX)
    assert response.status_code == 200
    assert 'filename="fakturagrundlag-2026.xlsx"' in response["Content-Disposition"]
    outputs = client.get("/backoffice/konference/2026/pdf/").content.decode()
    assert "fakturagrundlag.xlsx" in outputs


def finished(conference, kind):
    job = OutputJob.objects.create(edition=conference.edition, kind=kind, status=JobStatus.DONE)
    job.file.save("made.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return job


def test_a_viewer_cannot_download_the_invoice_basis_pdf(client, conference, users):
    invoices = finished(conference, OutputKind.INVOICES)
    doors = finished(conference, OutputKind.DOOR_LISTS)
    client.force_login(users.viewer)
    assert client.get(f"/backoffice/konference/2026/pdf/{invoices.pk}/hent/").status_code == 403
    assert client.get(f"/backoffice/konference/2026/pdf/{doors.pk}/hent/").status_code == 200
    client.force_login(users.organiser)
    assert client.get(f"/backoffice/konference/2026/pdf/{invoices.pk}/hent/").status_code == 200
