"""Messages to participants: write, preview, test to oneself, send; and the log."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.core.validators import SafeTextMixin
from forsamling.domain.permissions import Action
from forsamling.outbox.models import Mailing
from forsamling.registration import mailings


class MessageForm(SafeTextMixin, forms.Form):
    audience = forms.ChoiceField(label=gettext_lazy("Modtagere"))
    subject = forms.CharField(label=gettext_lazy("Emne"), max_length=300)
    body = forms.CharField(
        label=gettext_lazy("Tekst"),
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80}),
        help_text=gettext_lazy("Skriv {navn} for at indsætte deltagerens navn."),
    )

    def __init__(self, *args: object, audiences: list[mailings.Audience], **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        audience = self.fields["audience"]
        assert isinstance(audience, forms.ChoiceField)
        audience.choices = [(a.key, a.label) for a in audiences]
        self.labels = {a.key: a.label for a in audiences}


def compose(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.SEND_MESSAGE)
    form = MessageForm(request.POST or None, audiences=mailings.audiences(the_edition))
    context: dict[str, object] = {"edition": the_edition, "actions": actions, "form": form}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        people = mailings.recipients(the_edition, data["audience"])
        if "send" in request.POST:
            mailing = mailings.send_mailing(
                edition=the_edition,
                audience=data["audience"],
                audience_label=form.labels[data["audience"]],
                subject=data["subject"],
                body=data["body"],
                user=request.user,
            )
            messages.success(request, _("Beskeden sendes nu i baggrunden."))
            return redirect("backoffice:mailing", the_edition.slug, mailing.pk)
        if "test" in request.POST:
            to = request.user.email  # type: ignore[union-attr]
            if not to:
                messages.error(request, _("Din bruger har ingen e-mailadresse."))
            elif mailings.send_test(
                edition=the_edition, subject=data["subject"], body=data["body"], to=to
            ):
                messages.success(request, _("Testbeskeden er sendt til %(to)s.") % {"to": to})
            else:
                messages.error(request, _("Mailserveren tog ikke imod testbeskeden."))
        first = people.first()
        context.update(
            preview_subject=data["subject"],
            preview_body=mailings.personalised(data["body"], first),
            preview_to=first,
            count=people.count(),
            audience_label=form.labels[data["audience"]],
        )
    context["mailings"] = Mailing.objects.filter(edition=the_edition)[:20]
    return render(request, "backoffice/compose.html", context)


def mailing(request: HttpRequest, edition: str, mailing_id: int) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.SEND_MESSAGE)
    the_mailing = get_object_or_404(Mailing, pk=mailing_id, edition=the_edition)
    deliveries = list(the_mailing.deliveries.select_related("message"))
    return render(
        request,
        "backoffice/mailing.html",
        {
            "edition": the_edition,
            "actions": actions,
            "mailing": the_mailing,
            "deliveries": deliveries,
            "failed": sum(1 for d in deliveries if d.message and d.message.status == "failed"),
            "waiting": sum(1 for d in deliveries if d.message and d.message.status == "waiting"),
        },
    )
