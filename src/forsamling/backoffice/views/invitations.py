"""Invitation codes per category: create (with a limit of uses and an expiry), revoke, and
choose which categories need one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.conferences.models import Edition
from forsamling.core.form_fields import datetime_field, text_field
from forsamling.core.validators import SafeTextMixin
from forsamling.domain.permissions import Action
from forsamling.invitations import services
from forsamling.invitations.models import InvitationCode
from forsamling.registration.models import Category


class CodeForm(SafeTextMixin, forms.Form):
    category = forms.ModelChoiceField(
        label=gettext_lazy("Kategori"), queryset=Category.objects.none(), empty_label=None
    )
    max_uses = forms.IntegerField(
        label=gettext_lazy("Højst antal tilmeldinger"),
        required=False,
        min_value=1,
        max_value=10_000,
        help_text=gettext_lazy("Tom: ingen grænse."),
    )
    expires_at = datetime_field(
        gettext_lazy("Udløber"),
        required=False,
        help_text=gettext_lazy("Tom: gælder, til tilmeldingen lukker."),
    )
    note = text_field(gettext_lazy("Note (f.eks. hvem koden er til)"), 200, required=False)

    def __init__(self, *args: object, edition: Edition, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["category"].queryset = Category.objects.filter(edition=edition)  # type: ignore[attr-defined]


class CategoriesForm(forms.Form):
    categories = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Kategorier, der kræver invitationskode"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: object, edition: Edition, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["categories"].queryset = Category.objects.filter(edition=edition)  # type: ignore[attr-defined]


def invitations(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.MANAGE_REGISTRATION)
    form = CodeForm(request.POST or None, edition=the_edition)
    if request.method == "POST" and form.is_valid():
        code = services.create_code(
            edition=the_edition,
            category=form.cleaned_data["category"],
            user=request.user,
            max_uses=form.cleaned_data["max_uses"],
            expires_at=form.cleaned_data["expires_at"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Koden %(code)s er lavet.") % {"code": code.code})
        return redirect("backoffice:invitations", the_edition.slug)
    categories = CategoriesForm(
        edition=the_edition,
        initial={"categories": Category.objects.filter(edition=the_edition, invitation_only=True)},
    )
    register = request.build_absolute_uri(
        reverse("public:register", kwargs={"edition": the_edition.slug})
    )
    codes = InvitationCode.objects.filter(edition=the_edition).select_related("category")
    return render(
        request,
        "backoffice/invitations/list.html",
        {
            "edition": the_edition,
            "actions": actions,
            "form": form,
            "categories_form": categories,
            "codes": codes,
            "register_url": register,
        },
        status=400 if form.errors else 200,
    )


@require_POST
def invitation_categories(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.MANAGE_REGISTRATION)
    form = CategoriesForm(request.POST, edition=the_edition)
    if form.is_valid():
        services.set_invitation_only(
            edition=the_edition, categories=form.cleaned_data["categories"], user=request.user
        )
        messages.success(request, _("Kategorierne er gemt."))
    else:
        messages.error(request, _("Vælg blandt konferencens kategorier."))
    return redirect("backoffice:invitations", the_edition.slug)


@require_POST
def revoke(request: HttpRequest, edition: str, code_id: int) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.MANAGE_REGISTRATION)
    invitation = get_object_or_404(InvitationCode, pk=code_id, edition=the_edition)
    services.revoke_code(invitation=invitation, user=request.user)
    messages.success(request, _("Koden %(code)s er tilbagekaldt.") % {"code": invitation.code})
    return redirect("backoffice:invitations", the_edition.slug)
