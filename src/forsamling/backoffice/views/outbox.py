"""The outbox for organisers: how many e-mails wait or failed, and why; send one again."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.domain.permissions import Action
from forsamling.outbox import sending
from forsamling.outbox.models import MessageStatus, SentMessage

SHOWN = 200  # the undelivered messages listed on the page; the counts cover all


def outbox(request: HttpRequest, edition: str) -> HttpResponse:
    """Counts by status, the reasons for failures, and the messages not delivered (3 queries)."""
    the_edition, actions = edition_for(request, edition, Action.VIEW)
    mine = SentMessage.objects.filter(edition=the_edition)
    counts = dict(mine.values_list("status").annotate(n=Count("id")).order_by())
    undelivered = mine.filter(status__in=[MessageStatus.WAITING, MessageStatus.FAILED])
    reasons = list(
        undelivered.exclude(last_error="")
        .values("status", "last_error")
        .annotate(n=Count("id"))
        .order_by("-n", "last_error")[:20]
    )
    listed = list(
        undelivered.select_related("registration").order_by("status", "-sent_at", "-id")[:SHOWN]
    )
    return render(
        request,
        "backoffice/mail/outbox.html",
        {
            "edition": the_edition,
            "actions": actions,
            "waiting": counts.get(MessageStatus.WAITING, 0),
            "failed": counts.get(MessageStatus.FAILED, 0),
            "sent": counts.get(MessageStatus.SENT, 0),
            "reasons": reasons,
            "listed": listed,
            "more": counts.get(MessageStatus.WAITING, 0)
            + counts.get(MessageStatus.FAILED, 0)
            - len(listed),
        },
    )


@require_POST
def send_again(request: HttpRequest, edition: str, message_id: int) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.SEND_MESSAGE)
    message = get_object_or_404(SentMessage, pk=message_id, edition=the_edition)
    if message.status == MessageStatus.DEMO:
        messages.error(request, _("Demoens e-mails bliver ikke sendt."))
    else:
        again = sending.send_again(message)
        if again.status == MessageStatus.SENT:
            messages.success(request, _("E-mailen til %(to)s er sendt igen.") % {"to": again.to})
        else:
            messages.success(request, _("E-mailen til %(to)s sendes igen nu.") % {"to": again.to})
    back = request.POST.get("next", "")
    if back.startswith("/") and url_has_allowed_host_and_scheme(
        back, {request.get_host()}, request.is_secure()
    ):
        return HttpResponseRedirect(back)
    return redirect("backoffice:outbox", the_edition.slug)
