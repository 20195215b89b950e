"""PDFs: order one, watch its progress, download it when done."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.domain.permissions import Action
from forsamling.outputs import jobs
from forsamling.outputs.models import JobStatus, OutputJob, OutputKind


def outputs(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.EXPORT)
    recent = OutputJob.objects.filter(edition=the_edition).select_related("created_by")[:20]
    return render(
        request,
        "backoffice/outputs.html",
        {"edition": the_edition, "actions": actions, "kinds": OutputKind.choices, "jobs": recent},
    )


@require_POST
def order(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.MAKE_PDF)
    kind = request.POST.get("kind", "")
    if kind not in OutputKind.values:
        messages.error(request, _("Vælg hvilken PDF, der skal laves."))
        return redirect("backoffice:outputs", the_edition.slug)
    job = jobs.order_pdf(edition=the_edition, kind=kind, user=request.user)
    return redirect("backoffice:job", the_edition.slug, job.pk)


def job(request: HttpRequest, edition: str, job_id: int) -> HttpResponse:
    """Refreshes itself (meta refresh, no script needed) until the PDF is ready."""
    the_edition, actions = edition_for(request, edition, Action.EXPORT)
    the_job = get_object_or_404(OutputJob, pk=job_id, edition=the_edition)
    return render(
        request,
        "backoffice/job.html",
        {"edition": the_edition, "actions": actions, "job": the_job},
    )


def download(request: HttpRequest, edition: str, job_id: int) -> FileResponse:
    the_edition, actions = edition_for(request, edition, Action.EXPORT)
    the_job = get_object_or_404(OutputJob, pk=job_id, edition=the_edition)
    if the_job.kind == OutputKind.INVOICES and Action.INVOICE not in actions:
        raise PermissionDenied  # the invoice basis, like its XLSX, is for organisers only
    if the_job.status != JobStatus.DONE or not the_job.file:
        raise Http404
    return FileResponse(
        the_job.file.open("rb"),
        as_attachment=True,
        filename=jobs.download_name(the_job),
        content_type="application/pdf",
    )
