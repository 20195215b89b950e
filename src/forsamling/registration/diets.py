"""The Danish names of the dietary choices (`forsamling.domain.meals`), for forms and lists."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from forsamling.domain import meals

LABELS: dict[str, Any] = {
    meals.STANDARD: _("Almindelig"),
    meals.VEGETARIAN: _("Vegetar"),
    meals.VEGAN: _("Veganer"),
    "gluten": _("Gluten (kornsorter med gluten)"),
    "crustaceans": _("Krebsdyr (rejer, krabber, hummer)"),
    "eggs": _("Æg"),
    "fish": _("Fisk"),
    "peanuts": _("Jordnødder"),
    "soy": _("Soja"),
    "milk": _("Mælk (herunder laktose)"),
    "nuts": _("Nødder (mandler, hasselnødder, valnødder m.fl.)"),
    "celery": _("Selleri"),
    "mustard": _("Sennep"),
    "sesame": _("Sesam"),
    "sulphites": _("Svovldioxid og sulfitter"),
    "lupin": _("Lupin"),
    "molluscs": _("Bløddyr (muslinger, østers, blæksprutter)"),
}
DIET_CHOICES = [(key, LABELS[key]) for key in meals.DIETS]


def named(diets: Iterable[str]) -> str:
    """The diets in words, in the order of the choice: "Vegetar, Sesam"."""
    chosen = set(diets)
    return ", ".join(str(LABELS[key]) for key in meals.DIETS if key in chosen)


def diet_words(diets: Iterable[str], other: str) -> str:
    """The chosen dietary needs in words, then those written: "Vegetar, Sesam; ingen løg"."""
    return "; ".join(part for part in (named(diets), other.strip()) if part)
