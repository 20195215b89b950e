"""Template filters for Danish dates, times, prices and sorting (built in to every template)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django import template
from django.utils import translation

from forsamling.domain import danish, invoicing

register = template.Library()


def _lang() -> str:
    return translation.get_language() or "da"


@register.filter
def da_date(value: date | datetime | None) -> str:
    """{{ d|da_date }} → '25. februar 2026'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = danish.to_local(value).date()
    return danish.format_date(value, _lang())


@register.filter
def da_weekday_date(value: date | datetime | None) -> str:
    """{{ d|da_weekday_date }} → 'onsdag den 25. februar 2026'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = danish.to_local(value).date()
    return danish.format_weekday_date(value, _lang())


@register.filter
def da_moment(value: datetime | None) -> str:
    """{{ dt|da_moment }} → 'onsdag den 25. februar 2026 kl. 10.00'."""
    return danish.format_moment(value, _lang()) if value else ""


@register.filter
def da_time(value: time | datetime | None) -> str:
    """{{ t|da_time }} → '10.00'."""
    return danish.format_time(value, _lang()) if value else ""


@register.filter
def da_price(value: Decimal | int | None) -> str:
    """{{ price|da_price }} → '3.995 kr.'."""
    return "" if value is None else danish.format_price(value, _lang())


@register.filter
def da_price_ex_vat(value: Decimal | int | None) -> str:
    """{{ price|da_price_ex_vat }} → '3.995 kr. ekskl. moms' (prices are without VAT)."""
    return "" if value is None else danish.format_price_ex_vat(value, _lang())


@register.filter
def plus_vat(value: Decimal | int | None) -> Decimal | None:
    """{{ price|plus_vat }}: the price with 25 % moms, rounded as the invoice rounds it."""
    if value is None:
        return None
    return invoicing.totals_of_prices([Decimal(value)]).with_vat


@register.filter
def da_price_incl_vat(value: Decimal | int | None) -> str:
    """{{ total|da_price_incl_vat }} → '4.993,75 kr. inkl. moms'."""
    return "" if value is None else danish.format_price_incl_vat(value, _lang())


@register.simple_tag
def da_date_range(start: date, end: date | None) -> str:
    """{% da_date_range start end %} → '7.–8. maj 2026'."""
    return danish.format_date_range(start, end, _lang())


@register.simple_tag
def da_time_range(start: time | None, end: time | None) -> str:
    return danish.format_time_range(start, end, _lang())


@register.filter
def da_sorted(values: Any, attribute: str = "") -> list[Any]:
    """{{ people|da_sorted:"name" }}: sorted the Danish way by an attribute."""
    if attribute:
        return danish.danish_sorted(values, key=lambda item: str(getattr(item, attribute, "")))
    return danish.danish_sorted(values)


@register.filter
def error_line(label: object, message: object) -> str:
    """{{ field.label|error_line:error }}: a line of the error summary, punctuated once."""
    return danish.error_summary_line(str(label or ""), str(message))
