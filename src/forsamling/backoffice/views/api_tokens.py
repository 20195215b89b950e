"""The edition's API tokens (docs/api.md): made with scopes, shown once, revoked. Organisers
only; a token works while its organiser keeps a role that allows each scope."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from forsamling.api.access import MANAGE_TOKENS
from forsamling.api.models import ApiToken, Scope
from forsamling.api.services import create_token, revoke_token
from forsamling.backoffice.views.edition_access import edition_for
from forsamling.core.form_fields import text_field
from forsamling.core.validators import SafeTextMixin

SCOPE_HELP = {
    Scope.READ_PROGRAMME: gettext_lazy("også når udgaven er skjult på sitet"),
    Scope.READ_REGISTRATIONS: gettext_lazy(
        "deltagere, sessionsvalg, ventelister, indtjekninger og fakturaer (personoplysninger)"
    ),
    Scope.WRITE_CHECKINS: gettext_lazy("tjekke deltagere ind og se, hvem der er kommet"),
}


class TokenForm(SafeTextMixin, forms.Form):
    label = text_field(
        gettext_lazy("Betegnelse"),
        100,
        help_text=gettext_lazy("Hvad nøglen bruges til, f.eks. 'Skanner ved indgang A'."),
        required_error=gettext_lazy("Skriv, hvad nøglen bruges til."),
    )
    scopes = forms.MultipleChoiceField(
        label=gettext_lazy("Adgang"),
        choices=[(s.value, f"{s.label} ({SCOPE_HELP[s]})") for s in Scope],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Vælg mindst én adgang.")},
    )


def api_tokens(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, MANAGE_TOKENS)
    form = TokenForm(request.POST or None)
    new_key = ""
    if request.method == "POST" and form.is_valid():
        made = create_token(
            edition=the_edition,
            user=request.user,
            label=form.cleaned_data["label"],
            scopes=form.cleaned_data["scopes"],
        )
        # Shown on this answer only (not a message in the session): only its hash is kept.
        new_key = made.key
        form = TokenForm()
    tokens = ApiToken.objects.filter(edition=the_edition).select_related("user")
    return render(
        request,
        "backoffice/api_tokens/list.html",
        {
            "edition": the_edition,
            "actions": actions,
            "form": form,
            "new_key": new_key,
            "tokens": tokens,
            "scope_labels": dict(Scope.choices),
            "api_url": request.build_absolute_uri(reverse("api:root")),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def revoke(request: HttpRequest, edition: str, token_id: int) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, MANAGE_TOKENS)
    token = get_object_or_404(ApiToken, pk=token_id, edition=the_edition)
    revoke_token(token=token)
    messages.success(request, _("Nøglen %(label)s er tilbagekaldt.") % {"label": token.label})
    return redirect("backoffice:api_tokens", the_edition.slug)
