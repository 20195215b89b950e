"""Every app's declared personal data, and the three things done with it: find a person's
rows, export them, erase them.

Each app declares its models in its own `personal_data.py` (`PERSONAL_DATA`, and
`NOT_PERSONAL` for models whose fields only look personal); they are collected here the way
Django's admin finds `admin.py` modules, so this app imports none of the apps above it. Apps
above may also register, when they start, a finder or an eraser of their own for one of their
models (the back office remakes its PDFs instead of emptying a field).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib import import_module
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

from forsamling.domain.personal_data import Declaration, Erasure, LogDeclaration
from forsamling.privacy.redact import REMOVED, redact, redact_value

ANONYMOUS_NAME = "Anonymiseret"
ANONYMOUS_EMAIL = "slettet@anonym.invalid"


@dataclass(frozen=True)
class Person:
    """Whom a request is about: their addresses, registrations and names (the names and
    phones are cut out of free text and logs that mention them)."""

    emails: frozenset[str]
    registration_ids: frozenset[int] = frozenset()
    names: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()
    edition_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def mentions(self) -> frozenset[str]:
        """What identifies them inside a text: addresses, and names of two words or more."""
        names = {n for n in self.names if len(n.split()) >= 2}
        return frozenset({e for e in self.emails if e} | names | {p for p in self.phones if p})


Finder = Callable[[Person], QuerySet[Any]]
Eraser = Callable[[Person, datetime], int]
FINDERS: dict[str, Finder] = {}
ERASERS: dict[str, Eraser] = {}


@cache
def declarations() -> tuple[Declaration, ...]:
    found: list[Declaration] = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "personal_data"):
            module = import_module(f"{config.name}.personal_data")
            found += getattr(module, "PERSONAL_DATA", [])
    return tuple(found)


@cache
def logs() -> tuple[LogDeclaration, ...]:
    """Every app's declared loggers (`LOGS`): what their lines may hold of a person."""
    found: list[LogDeclaration] = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "personal_data"):
            module = import_module(f"{config.name}.personal_data")
            found += getattr(module, "LOGS", [])
    return tuple(found)


def log_of(name: str) -> LogDeclaration | None:
    """The declaration that covers a logger's lines (the nearest one), or None."""
    covering = [d for d in logs() if d.covers(name)]
    return max(covering, key=lambda d: len(d.logger), default=None)


@cache
def not_personal() -> dict[str, str]:
    found: dict[str, str] = {}
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "personal_data"):
            module = import_module(f"{config.name}.personal_data")
            found |= getattr(module, "NOT_PERSONAL", {})
    return found


def declared(label: str) -> Declaration:
    return next(d for d in declarations() if d.model == label)


def _model(declaration: Declaration) -> type[models.Model]:
    return apps.get_model(declaration.model)


def direct_rows(declaration: Declaration, person: Person) -> QuerySet[Any]:
    """The rows that are the person's: their address, their registration."""
    model = _model(declaration)
    q = Q(pk__in=[])
    for name in declaration.by_email:
        for email in person.emails:
            q |= Q(**{f"{name}__iexact": email})
    for name in declaration.by_registration:
        q |= Q(**{f"{name}__in": list(person.registration_ids)})
    return model._default_manager.filter(q)


def mentioning_rows(declaration: Declaration, person: Person) -> QuerySet[Any]:
    """The rows whose free text or log line mentions the person (and are not theirs)."""
    model = _model(declaration)
    if not declaration.contains or not person.mentions:
        return model._default_manager.none()
    queryset = model._default_manager.all()
    q = Q(pk__in=[])
    for name in declaration.contains:
        target = name
        if isinstance(model._meta.get_field(name), models.JSONField | models.FileField):
            target = f"_text_{name}"
            queryset = queryset.annotate(**{target: Cast(name, TextField())})
        for needle in person.mentions:
            q |= Q(**{f"{target}__icontains": needle})
    return queryset.filter(q)


def rows(declaration: Declaration, person: Person) -> QuerySet[Any]:
    if declaration.model in FINDERS:
        return FINDERS[declaration.model](person)
    model = _model(declaration)
    ids = set(direct_rows(declaration, person).values_list("pk", flat=True))
    ids |= set(mentioning_rows(declaration, person).values_list("pk", flat=True))
    return model._default_manager.filter(pk__in=ids)


def _value(row: models.Model, name: str) -> Any:
    if _field(type(row), name).choices:
        return getattr(row, f"get_{name}_display")()
    return _plain(getattr(row, name))


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return (value.name or "").rsplit("/", 1)[-1]
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    return value


def _field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    found = model._meta.get_field(name)
    assert isinstance(found, models.Field), f"{model}.{name} is not a field"
    return found


def _label(model: type[models.Model], name: str) -> str:
    return str(_field(model, name).verbose_name)


def section(declaration: Declaration) -> str:
    """The export's name for a declaration's rows."""
    return declaration.title or str(_model(declaration)._meta.verbose_name_plural)


def export(person: Person) -> dict[str, list[dict[str, Any]]]:
    """Every declared store's rows about the person, keyed by the model's Danish name and each
    field by its Danish label (`docs/privacy-export.md`)."""
    held: dict[str, list[dict[str, Any]]] = {}
    for declaration in declarations():
        if not declaration.exported:
            continue
        model = _model(declaration)
        found = [
            {
                _label(model, name): _value(row, name)
                for name in (*declaration.shown, *declaration.fields)
                if name != "token"
            }
            for row in rows(declaration, person).order_by("pk")
        ]
        if found:
            held.setdefault(section(declaration), []).extend(found)
    return held


def anonymised_value(field: models.Field[Any, Any], value: Any, mentions: Iterable[str]) -> Any:
    """What a field holds once the person is gone from it."""
    if isinstance(field, models.FileField):
        if value:
            value.delete(save=False)
        return ""
    if isinstance(field, models.EmailField):
        return ANONYMOUS_EMAIL if value else ""
    if field.name == "token":
        return secrets.token_urlsafe(24)
    if isinstance(field, models.JSONField):
        return redact_value(value, mentions)
    if field.name.endswith("name") and value:
        return ANONYMOUS_NAME
    return "" if field.blank else REMOVED


def anonymise_rows(
    declaration: Declaration,
    queryset: QuerySet[Any],
    person: Person,
    *,
    redact_contains: bool = True,
) -> int:
    """Empties the declared fields of rows that are the person's; free text (`contains`) loses
    only what names the person, unless `redact_contains` is off (a message to them)."""
    model = _model(declaration)
    fields = [_field(model, name) for name in declaration.fields]
    count = 0
    for row in queryset:
        for each in fields:
            value = getattr(row, each.name)
            if redact_contains and each.name in declaration.contains and isinstance(value, str):
                setattr(row, each.name, redact(value, person.mentions))
                continue
            setattr(row, each.name, anonymised_value(each, value, person.mentions))
        row.save(update_fields=[each.name for each in fields])
        count += 1
    return count


def redact_rows(declaration: Declaration, queryset: QuerySet[Any], person: Person) -> int:
    """Cuts the person out of the free text of rows that mention them."""
    model = _model(declaration)
    count = 0
    for row in queryset:
        changed = []
        for name in declaration.contains:
            if isinstance(model._meta.get_field(name), models.FileField):
                continue
            before = getattr(row, name)
            after = redact_value(before, person.mentions)
            if isinstance(before, str):
                after = redact(before, person.mentions)
            if after != before:
                setattr(row, name, after)
                changed.append(name)
        if changed:
            row.save(update_fields=changed)
            count += 1
    return count


def delete_rows(queryset: QuerySet[Any]) -> int:
    count = 0
    for row in queryset:
        for each in row._meta.get_fields():
            if isinstance(each, models.FileField) and getattr(row, each.name):
                getattr(row, each.name).delete(save=False)
        row.delete()
        count += 1
    return count


def erase(person: Person, now: datetime) -> int:
    """Erases the person from every declared store, as each declares; joins the caller's
    transaction. Kept stores (bookkeeping) are left to their own eraser and date. The rows
    are found before any is changed (an attachment is found by its nomination's address)."""
    found = {
        d.model: (
            list(direct_rows(d, person).values_list("pk", flat=True)),
            list(mentioning_rows(d, person).values_list("pk", flat=True)),
        )
        for d in declarations()
        if d.model not in ERASERS and d.erasure != Erasure.KEEP_MINIMISED
    }
    count = 0
    for declaration in declarations():
        if declaration.model in ERASERS:
            count += ERASERS[declaration.model](person, now)
            continue
        if declaration.model not in found:
            continue
        manager = _model(declaration)._default_manager
        direct, mentioned = found[declaration.model]
        if declaration.erasure == Erasure.DELETE:
            count += delete_rows(manager.filter(pk__in=direct + mentioned))
            continue
        count += anonymise_rows(declaration, manager.filter(pk__in=direct), person)
        others = manager.filter(pk__in=mentioned).exclude(pk__in=direct)
        count += redact_rows(declaration, others, person)
    return count
