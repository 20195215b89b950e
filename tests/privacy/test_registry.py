"""Every store of personal data is declared (issue 24): a model with personal-looking fields
that no app declares fails here, so erasure, export and retention cannot forget it."""

from __future__ import annotations

import re

from django.apps import apps
from django.db import models

from forsamling.domain.personal_data import Erasure
from forsamling.privacy import registry

PERSONAL_NAME = re.compile(
    r"(^|_)(name|email|e_mail|phone|address|street|bio|dietary|needs|committee|"
    r"object_repr|username|reference|contact_\w+|secretary_\w+)$"
)
PERSON_MODELS = {
    "registration.Registration", "registration.GroupBooking", "prizes.Nomination",
    "exhibitors.Exhibitor", "exhibitors.StandStaff", "auth.User", "prizes.Juror",
}  # fmt: skip


def _person_linked(model: type[models.Model]) -> bool:
    return any(
        isinstance(f, models.ForeignKey) and f.related_model._meta.label in PERSON_MODELS
        for f in model._meta.get_fields()
    )


def personal_looking(model: type[models.Model]) -> list[str]:
    """The fields that look like a person's: by name or kind, and free text on a model that
    points at a person."""
    found = []
    for field in model._meta.get_fields():
        if not isinstance(field, models.Field) or field.choices:
            continue
        by_kind = isinstance(field, models.EmailField | models.FileField)
        text = isinstance(field, models.CharField | models.TextField)
        free_text = isinstance(field, models.TextField | models.JSONField)
        if (
            by_kind
            or (text and PERSONAL_NAME.search(field.name))
            or (free_text and _person_linked(model))
        ):
            found.append(field.name)
    return found


def undeclared(labels: set[str]) -> list[str]:
    return sorted(
        model._meta.label
        for model in apps.get_models()
        if personal_looking(model) and model._meta.label not in labels
    )


def declared_labels() -> set[str]:
    return {d.model for d in registry.declarations()} | set(registry.not_personal())


def test_every_model_with_personal_looking_fields_is_declared() -> None:
    assert undeclared(declared_labels()) == []


def test_a_model_left_out_is_found() -> None:
    """The check itself can fail: without the prize's declarations, its models are named."""
    labels = declared_labels() - {"prizes.Nomination", "prizes.Attachment"}
    assert undeclared(labels) == ["prizes.Attachment", "prizes.Nomination"]


def test_each_declaration_names_real_fields_and_each_model_once() -> None:
    labels = [d.model for d in registry.declarations()]
    assert len(labels) == len(set(labels))
    for declaration in registry.declarations():
        model = apps.get_model(declaration.model)
        for name in (*declaration.fields, *declaration.shown, *declaration.contains):
            model._meta.get_field(name.split("__")[0])


def test_the_stores_the_officer_found_are_erased_not_kept() -> None:
    """Nominations, their files, counters, the admin log and the PDFs are not left as 'kept'."""
    how = {d.model: d.erasure for d in registry.declarations()}
    assert how["prizes.Nomination"] == Erasure.ANONYMISE
    assert how["prizes.Attachment"] == Erasure.DELETE
    assert how["core.RateCounter"] == Erasure.DELETE
    assert how["admin.LogEntry"] == Erasure.ANONYMISE
    assert how["outputs.OutputJob"] == Erasure.DELETE
    assert all(d.reason for d in registry.declarations() if d.erasure == Erasure.KEEP_MINIMISED)


def test_the_newer_stores_are_declared_as_what_they_hold() -> None:
    """Diets are health data kept with the registration; the newer stores each say how."""
    how = {d.model: d for d in registry.declarations()}
    assert {"diets", "dietary"} <= set(how["registration.Registration"].fields)
    assert how["api.ApiToken"].erasure == Erasure.KEEP_MINIMISED
    assert "user" in how["api.ApiToken"].fields  # the token's owner, a staff user
    assert "note" in how["registration.InvitationCode"].contains  # a speaker's name
    for label in (
        "registration.TableSeat", "registration.CalendarFeed", "registration.PushSubscription",
        "exhibitors.Lead", "speakers.SpeakerRecord", "surveys.Invitation",
    ):  # fmt: skip
        assert how[label].erasure == Erasure.DELETE, label
        assert how[label].by_registration or how[label].by_email, label
