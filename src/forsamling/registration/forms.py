"""The participant's forms. Errors are Danish and sit next to their field; the pages add an
error summary at the top. Eligibility is checked here too, so it is reported per slot."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from forsamling.core.validators import SafeTextMixin
from forsamling.domain.danish import format_price, format_price_ex_vat
from forsamling.domain.ean import is_valid_gln, normalise_ean
from forsamling.domain.registration_rules import may_attend
from forsamling.programme.models import Audience, Session, Track
from forsamling.registration.diets import DIET_CHOICES
from forsamling.registration.invitation_codes import is_usable
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
    # Health data may only be used with the participant's explicit consent (GDPR art.
    # 9(2)(a)): the fields say what choosing or writing in them means.
    diets = forms.MultipleChoiceField(
        label=_("Kosthensyn og allergier"),
        choices=DIET_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Frivilligt. Vælger eller skriver du kosthensyn eller behov for tilgængelighed, "
            "giver du udtrykkeligt samtykke til, at vi bruger dem til at tage hensyn ved "
            "konferencen. De kan være helbredsoplysninger og slettes kort efter konferencen."
        ),
        error_messages={"invalid_choice": _("Vælg kosthensyn fra listen.")},
    )
    dietary = forms.CharField(
        label=_("Andre kosthensyn"),
        max_length=300,
        required=False,
        help_text=_("Fx “ingen rå løg”. Køkkenet får det med dit navn."),
    )
    days = forms.MultipleChoiceField(
        label=_("Hvilke dage deltager du?"),
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Vælg dage fra listen.")},
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

    def __init__(self, *args: Any, days: Sequence[date] = (), **kwargs: Any) -> None:
        """`days`: the edition's days to choose among, when it allows one-day attendance."""
        super().__init__(*args, **kwargs)
        self.fields["days"].choices = [  # type: ignore[attr-defined]
            (day.isoformat(), date_format(day, "l j. F")) for day in days
        ]
        if days:
            self.fields["days"].required = True
            self.fields["days"].error_messages["required"] = _("Vælg mindst én dag.")

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


class KeyedChoiceField(forms.ChoiceField):
    """A radio group whose labels are made only when the page is shown: a posted value is
    checked against the keys, so a POST formats no price and names no session it will not
    show (the 10.00 rush)."""

    def __init__(
        self, *, keys: Iterable[str], labels: Callable[[], list[tuple[str, Any]]], **kwargs: Any
    ) -> None:
        super().__init__(choices=labels, **kwargs)
        self.keys = frozenset(keys)

    def valid_value(self, value: Any) -> bool:
        return str(value) in self.keys


def _session_labels(offer: SlotOffer, none: Any) -> Callable[[], list[tuple[str, Any]]]:
    def labels() -> list[tuple[str, Any]]:
        choices: list[tuple[str, Any]] = [
            (str(item.session.pk), str(item.session)) for item in offer.sessions
        ]
        return [*choices, (NO_SESSION, none)]

    return labels


class ChoicesMixin:
    """One radio group per breakout slot, named `slot_<id>`."""

    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]

    for_secretary = False  # a group's secretary fills the form in for a colleague

    def add_slot_fields(self, offers: list[SlotOffer]) -> None:
        self.offers = offers
        if self.for_secretary:
            none = _("Personen deltager ikke i nogen af dem")
            required = _("Vælg en session, eller vælg at personen ikke deltager.")
        else:
            none = _("Jeg deltager ikke i nogen af dem")
            required = _("Vælg en session, eller vælg at du ikke deltager.")
        self.ineligible: set[int] = set()  # sessions shown, but not for this participant
        self.sessions_by_id: dict[str, Session] = {}
        for offer in offers:
            keys = [NO_SESSION]
            for item in offer.sessions:
                self.sessions_by_id[str(item.session.pk)] = item.session
                keys.append(str(item.session.pk))
            self.fields[f"slot_{offer.slot.pk}"] = KeyedChoiceField(
                label=offer.slot.title,
                keys=keys,
                labels=_session_labels(offer, none),
                widget=forms.RadioSelect,
                error_messages={
                    "required": required,
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
    return f" ({_('kræver invitationskode')})" if category.needs_invitation else ""


class CategoryChoiceField(forms.ChoiceField):
    """The edition's categories as radio buttons; its value is the `Category` itself.

    Given a list, not a queryset: the registration form reads its categories once a second
    (`queries.registration_choices`), not once per visitor."""

    def set_categories(self, categories: Iterable[Category]) -> None:
        self.categories = {str(category.pk): category for category in categories}
        self.choices = self._labels  # made when shown, as `KeyedChoiceField`'s

    def _labels(self) -> list[tuple[str, str]]:
        return [
            (key, f"{category.name} – {_price(category.price)}{invitation_note(category)}")
            for key, category in self.categories.items()
        ]

    def valid_value(self, value: Any) -> bool:
        return str(value) in self.categories

    def prepare_value(self, value: Any) -> Any:
        return str(value.pk) if isinstance(value, Category) else value

    def clean(self, value: Any) -> Category | None:
        key = super().clean(value)
        return self.categories[key] if key else None


def new_idempotency_key() -> str:
    """The key every registration form is shown with, new for each form shown (a double click
    or a retry sends the same one again; `services.IDEMPOTENCY_KEY` is its alphabet). The one
    place it is made: the form field's initial value, and the public page cache's fresh copy."""
    return secrets.token_urlsafe(24)


def track_field(tracks: dict[str, Track]) -> forms.ChoiceField:
    """The afternoon track ("sæson") as radios, keyed as `tracks` (str(pk) → track): the
    registration form's, when the edition has tracks, and the private page's `TrackForm`."""
    return forms.ChoiceField(
        label=_("Hvilken af de parallelle sæsoner deltager du i om eftermiddagen?"),
        choices=[(key, track.name) for key, track in tracks.items()],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vælg den sæson, du deltager i."),
            "invalid_choice": _("Vælg en af sæsonerne."),
        },
    )


class RegistrationForm(ChoicesMixin, DetailsForm):
    """What a participant types to register, the invitation code of an invitation-only
    category included (checked here; its use is counted by the registration service)."""

    idempotency_key = forms.CharField(
        widget=forms.HiddenInput, max_length=64, initial=new_idempotency_key
    )
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
        for_secretary: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.for_secretary = for_secretary
        self.fields["category"].set_categories(categories)  # type: ignore[attr-defined]
        self.say_who_needs_a_code()
        self.tracks = {str(track.pk): track for track in tracks}
        if self.tracks:
            self.fields["track"] = track_field(self.tracks)
        if for_secretary:
            self.speak_of_the_colleague()
        self.add_slot_fields(offers)
        self.order_fields(self.page_order())

    def say_who_needs_a_code(self) -> None:
        """The code field says for which categories it is needed: every free one (0 kr.) and
        those marked invitation-only, named as on the radios, not a blanket "kan udelades"."""
        categories = self.fields["category"].categories.values()  # type: ignore[attr-defined]
        needing = [category.name for category in categories if category.needs_invitation]
        field = self.fields["invitation_code"]
        if not needing:
            return
        if len(needing) == len(categories):
            field.optional_note = _("kræves")  # type: ignore[attr-defined]
            field.help_text = _("Alle kategorier kræver en invitationskode fra arrangøren.")
            return
        names = get_text_list(needing, str(_("og")))
        field.optional_note = _("kræves for %(categories)s") % {"categories": names}  # type: ignore[attr-defined]
        field.help_text = ngettext(
            "Kategorien %(categories)s kan kun vælges med en kode fra arrangøren; "
            "de andre kategorier kræver ingen kode.",
            "Kategorierne %(categories)s kan kun vælges med en kode fra arrangøren; "
            "de andre kategorier kræver ingen kode.",
            len(needing),
        ) % {"categories": names}

    def speak_of_the_colleague(self) -> None:
        """The words of a secretary's form: it asks about the colleague ("personen"), and what
        the secretary accepts or ticks is said to be on the colleague's behalf (a consent so
        given is recorded as the secretary's, and the colleague confirms it on their own page:
        `registration.services.record_registration_consent`)."""
        fields = self.fields
        fields["category"].error_messages["required"] = _("Vælg personens deltagerkategori.")
        fields["committee"].help_text = _(
            "Fx Sundheds- og Ældreudvalget, hvis personen er politiker."
        )
        fields["dinner"].label = _("Deltager personen i middagen den første aften?")
        fields["dietary"].help_text = _(
            "Frivilligt. Skriv kun personens kosthensyn eller behov for tilgængelighed, hvis "
            "personen har bedt dig om det. De bruges til at tage hensyn ved konferencen, kan "
            "være helbredsoplysninger og slettes kort efter konferencen."
        )
        fields["list_consent"].label = _(
            "Personen har sagt ja til, at navn, stilling og organisation må stå på "
            "deltagerlisten. Personen bekræfter det selv via sit personlige link."
        )
        fields["accept_terms"].label = _(
            "Jeg accepterer betingelserne for tilmelding på personens vegne, herunder reglerne "
            "for afbud."
        )
        fields["accept_terms"].error_messages["required"] = _(
            "Du skal acceptere betingelserne for at tilmelde personen."
        )
        if "track" in fields:
            fields["track"].label = _(
                "Hvilken af de parallelle sæsoner deltager personen i om eftermiddagen?"
            )
            fields["track"].error_messages["required"] = _("Vælg den sæson, personen deltager i.")

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
        self.check_invitation(data)
        return data

    def check_invitation(self, data: dict[str, Any]) -> None:
        """Adds a Danish error unless an invitation-only or free category comes with a usable
        code. Costs a query only when such a category is chosen: never on the 10.00 rush's path."""
        category = data.get("category")
        if category is None or not category.needs_invitation:
            return
        code = data.get("invitation_code") or ""
        if not code:
            self.add_error(
                "invitation_code",
                _("Kategorien %(name)s kræver en invitationskode fra arrangøren.")
                % {"name": category.name},
            )
        elif not is_usable(category=category, code=code):
            self.add_error(
                "invitation_code",
                _(
                    "Invitationskoden passer ikke til kategorien, er udløbet, brugt op eller "
                    "tilbagekaldt. Kontakt arrangøren."
                ),
            )

    def registration(self) -> dict[str, Any]:
        """The arguments of `services.register_participant` the form holds (all but the
        edition and who registers)."""
        data = self.cleaned_data
        return {
            "idempotency_key": data["idempotency_key"],
            "details": self.details(),
            "category": data["category"],
            "sessions": data["sessions"],
            "track": data["track"],
            "invitation_code": data["invitation_code"],
        }

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


class TrackForm(forms.Form):
    """The afternoon track ("sæson") on the private page: the edition's tracks as radios."""

    def __init__(self, *args: Any, tracks: Iterable[Track], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tracks = {str(track.pk): track for track in tracks}
        self.fields["track"] = track_field(self.tracks)

    def clean_track(self) -> Track:
        return self.tracks[self.cleaned_data["track"]]


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
