"""The participant's forms. Errors are Danish and sit next to their field; the pages add an
error summary at the top. Eligibility is checked here too, so it is reported per slot."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from forsamling.core.validators import SafeTextMixin
from forsamling.domain.danish import format_price, format_price_ex_vat
from forsamling.domain.ean import is_valid_gln, normalise_ean
from forsamling.domain.eligibility import may_attend
from forsamling.programme.models import Audience, Session, Track
from forsamling.registration.models import Category
from forsamling.registration.queries import SlotOffer
from forsamling.registration.services import Colleague, ParticipantDetails

NO_SESSION = "none"
AUDIENCE_NOTE: dict[str, Any] = {
    Audience.POLITICIANS: _("kun for folkevalgte politikere"),
    Audience.NON_POLITICIANS: _("kun for deltagere, der ikke er folkevalgte"),
    Audience.HEALTH_COUNCIL: _("kun for medlemmer af et sundhedsråd"),
}
REQUIRED = _("Udfyld feltet.")
INVALID_EMAIL = _("Skriv en gyldig e-mailadresse, fx navn@kommune.dk.")


def email_field(label: Any) -> forms.EmailField:
    """A required e-mail address, with the forms' Danish messages."""
    return forms.EmailField(
        label=label,
        max_length=254,
        error_messages={"required": REQUIRED, "invalid": INVALID_EMAIL},
    )


class DetailsForm(SafeTextMixin, forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        error_messages={"invalid": INVALID_EMAIL},
    )
    phone = forms.CharField(label=_("Telefon"), max_length=30, required=False)
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        help_text=_("Vælg fra listen, eller skriv navnet."),
    )
    job_title = forms.CharField(label=_("Stilling"), max_length=200, required=False)
    committee = forms.CharField(
        label=_("Udvalg"),
        max_length=200,
        required=False,
        help_text=_("Fx Sundheds- og Ældreudvalget, hvis du er politiker."),
    )
    dinner = forms.TypedChoiceField(
        label=_("Deltager du i middagen den første aften?"),
        choices=[("ja", _("Ja")), ("nej", _("Nej"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Svar ja eller nej.")},
    )
    dietary = forms.CharField(
        label=_("Kosthensyn"),
        max_length=300,
        required=False,
        # Health data may only be used with the participant's explicit consent (GDPR art.
        # 9(2)(a)): the field says what writing in it means.
        help_text=_(
            "Frivilligt. Skriver du kosthensyn eller behov for tilgængelighed, giver du "
            "udtrykkeligt samtykke til, at vi bruger dem til at tage hensyn ved konferencen. "
            "De kan være helbredsoplysninger og slettes kort efter konferencen."
        ),
    )
    accessibility_needs = forms.CharField(
        label=_("Behov for tilgængelighed"),
        max_length=300,
        required=False,
        help_text=_("Fx kørestol, teleslynge eller tolk."),
    )
    ean = forms.CharField(
        label=_("EAN-nummer"),
        max_length=20,
        required=False,
        help_text=_(
            "13 cifre. Kommuner og regioner skal skrive deres EAN-nummer og en reference: "
            "uden dem venter fakturaen."
        ),
    )
    order_reference = forms.CharField(label=_("Ordrenummer"), max_length=100, required=False)
    person_reference = forms.CharField(label=_("Personreference"), max_length=100, required=False)
    list_consent = forms.BooleanField(
        label=_("Mit navn, min stilling og min organisation må stå på deltagerlisten."),
        required=False,
    )

    def clean_ean(self) -> str:
        ean: str = self.cleaned_data["ean"]
        if ean.strip() and set(normalise_ean(ean)) == {"0"}:
            raise forms.ValidationError(
                _("EAN-nummeret kan ikke være lutter nuller. Skriv jeres rigtige EAN-nummer.")
            )
        if ean.strip() and not is_valid_gln(ean):
            raise forms.ValidationError(
                _("EAN-nummeret skal være 13 cifre, og kontrolcifferet passer ikke. Tjek nummeret.")
            )
        return ean

    def details(self) -> ParticipantDetails:
        data = self.cleaned_data
        return ParticipantDetails(**{name: data[name] for name in DETAIL_FIELDS})


def _price(amount: Any) -> str:
    """A category's price as the invoice will treat it: without VAT, said so; free is free."""
    if not amount:
        return format_price(0, get_language())
    return format_price_ex_vat(amount, get_language())


def our_wording(form: type[forms.Form]) -> None:
    """Our "required" message on every field of `form` that would show Django's own (once, on
    the class: not for every form a visitor posts)."""
    for field in form.base_fields.values():
        if field.error_messages["required"] == forms.Field.default_error_messages["required"]:
            field.error_messages["required"] = REQUIRED


our_wording(DetailsForm)
DETAIL_FIELDS = list(DetailsForm.base_fields)


class ChoicesMixin:
    """One radio group per breakout slot, named `slot_<id>`."""

    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]

    def add_slot_fields(self, offers: list[SlotOffer]) -> None:
        self.offers = offers
        self.ineligible: set[int] = set()  # sessions shown, but not for this participant
        self.sessions_by_id: dict[str, Session] = {}
        for offer in offers:
            choices: list[tuple[str, Any]] = []
            for item in offer.sessions:
                self.sessions_by_id[str(item.session.pk)] = item.session
                choices.append((str(item.session.pk), str(item.session)))
            choices.append((NO_SESSION, _("Jeg deltager ikke i nogen af dem")))
            self.fields[f"slot_{offer.slot.pk}"] = forms.ChoiceField(
                label=offer.slot.title,
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Vælg en session, eller vælg at du ikke deltager."),
                    "invalid_choice": _("Vælg en af sessionerne på listen."),
                },
            )

    def check_slots(self, category: Category | None) -> list[Session]:
        chosen = []
        for offer in self.offers:
            name = f"slot_{offer.slot.pk}"
            value = self.cleaned_data.get(name)
            if not value or value == NO_SESSION:
                continue
            session = self.sessions_by_id[value]
            if category is not None and not may_attend(category.attendee, session.audience):
                self.add_error(  # type: ignore[attr-defined]
                    name,
                    _("“%(session)s” er %(note)s. Vælg en anden session.")
                    % {"session": session, "note": AUDIENCE_NOTE[session.audience]},
                )
            chosen.append(session)
        return chosen

    def slot_fields(self) -> list[tuple[SlotOffer, Any]]:
        return [(offer, self[f"slot_{offer.slot.pk}"]) for offer in self.offers]  # type: ignore[index]


def invitation_note(category: Category) -> str:
    return f" ({_('kræver invitationskode')})" if category.invitation_only else ""


class CategoryChoiceField(forms.ChoiceField):
    """The edition's categories as radio buttons; its value is the `Category` itself.

    Given a list, not a queryset: the registration form reads its categories once a second
    (`queries.registration_choices`), not once per visitor."""

    def set_categories(self, categories: Iterable[Category]) -> None:
        self.categories = {str(category.pk): category for category in categories}
        self.choices = [
            (
                key,
                f"{category.name} – {_price(category.price)}{invitation_note(category)}",
            )
            for key, category in self.categories.items()
        ]

    def prepare_value(self, value: Any) -> Any:
        return str(value.pk) if isinstance(value, Category) else value

    def clean(self, value: Any) -> Category | None:
        key = super().clean(value)
        return self.categories[key] if key else None


class RegistrationForm(ChoicesMixin, DetailsForm):
    """What a participant types to register. The code of an invitation-only category is
    asked for here and checked by the form above it, `invitations.forms.RegistrationWithCodeForm`
    (the invitation codes sit above registration); pages use that one."""

    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    category = CategoryChoiceField(
        label=_("Deltagerkategori"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vælg din deltagerkategori."),
            "invalid_choice": _("Vælg en af kategorierne."),
        },
    )
    accept_terms = forms.BooleanField(
        label=_("Jeg accepterer betingelserne for tilmelding, herunder reglerne for afbud."),
        error_messages={"required": _("Du skal acceptere betingelserne for at tilmelde dig.")},
    )
    invitation_code = forms.CharField(
        label=_("Invitationskode"),
        required=False,
        max_length=40,
        help_text=_("Kun for oplægsholdere, presse og andre, der har fået en kode af arrangøren."),
    )

    def __init__(
        self,
        *args: Any,
        categories: Iterable[Category],
        offers: list[SlotOffer],
        tracks: Iterable[Track] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].set_categories(categories)  # type: ignore[attr-defined]
        self.tracks = {str(track.pk): track for track in tracks}
        if self.tracks:
            self.fields["track"] = forms.ChoiceField(
                label=_("Hvilken af de parallelle sæsoner deltager du i om eftermiddagen?"),
                choices=[(key, track.name) for key, track in self.tracks.items()],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Vælg den sæson, du deltager i."),
                    "invalid_choice": _("Vælg en af sæsonerne."),
                },
            )
        self.add_slot_fields(offers)
        self.order_fields(self.page_order())

    def page_order(self) -> list[str]:
        """The fields in the order the page shows them, so the error summary follows the page."""
        names = list(self.fields)
        slots = [name for name in names if name.startswith("slot_")]
        first = ["name", "email", "phone", "organisation", "job_title", "committee", "category"]
        first += ["track"] if "track" in names else []
        return first + slots + [n for n in names if n not in first and n not in slots]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["sessions"] = self.check_slots(data.get("category"))
        data["track"] = self.tracks.get(data.get("track") or "")
        return data

    @property
    def category_flags(self) -> dict[str, dict[str, bool]]:
        """What the page's script needs to grey out sessions a category may not attend."""
        return {
            key: {
                "politician": category.is_politician,
                "health_council": category.is_health_council,
            }
            for key, category in self.fields["category"].categories.items()  # type: ignore[attr-defined]
        }


our_wording(RegistrationForm)


class ChoicesForm(SafeTextMixin, ChoicesMixin, forms.Form):
    def __init__(
        self, *args: Any, category: Category, offers: list[SlotOffer], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.category = category
        self.add_slot_fields(offers)
        self.ineligible = {
            session.pk
            for session in self.sessions_by_id.values()
            if not may_attend(category.attendee, session.audience)
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["sessions"] = self.check_slots(self.category)
        return data


class SubstituteForm(SafeTextMixin, forms.Form):
    name = forms.CharField(
        label=_("Kollegaens navn"), max_length=200, error_messages={"required": REQUIRED}
    )
    email = email_field(_("Kollegaens e-mail"))
    job_title = forms.CharField(label=_("Kollegaens stilling"), max_length=200, required=False)
    keeps_dinner = forms.BooleanField(
        label=_("Kollegaen deltager i middagen i stedet for mig"), required=False
    )
    keeps_dietary = forms.BooleanField(
        label=_("Kollegaen har de samme kosthensyn som mig"), required=False
    )
    keeps_person_reference = forms.BooleanField(
        label=_("Fakturaen skal stadig have min personreference"), required=False
    )

    def colleague(self) -> Colleague:
        return Colleague(**self.cleaned_data)


class ResendLinkForm(SafeTextMixin, forms.Form):
    email = email_field(_("Din e-mail"))


class GroupBookingForm(SafeTextMixin, forms.Form):
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        error_messages={"required": REQUIRED},
        help_text=_("Vælg fra listen, eller skriv navnet."),
    )
    secretary_name = forms.CharField(
        label=_("Dit navn"), max_length=200, error_messages={"required": REQUIRED}
    )
    secretary_email = email_field(_("Din e-mail"))
    ean = DetailsForm.base_fields["ean"]
    order_reference = DetailsForm.base_fields["order_reference"]
    person_reference = DetailsForm.base_fields["person_reference"]

    clean_ean = DetailsForm.clean_ean
