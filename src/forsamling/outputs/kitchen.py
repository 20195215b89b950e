"""The kitchen list: for each meal how many plates of each main dish, the allergens, and the
people with special needs by name (health data: organisers only, see `backoffice`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.template.loader import render_to_string
from django.utils.formats import date_format
from weasyprint import HTML

from forsamling.conferences.models import Edition
from forsamling.domain.meals import ALLERGENS, MAIN_DISHES, Eater
from forsamling.registration.diets import LABELS, diet_words
from forsamling.registration.meals import MealLine
from forsamling.registration.models import MealKind

KITCHEN_HEADERS = ["Måltid", "Dag", "Hvad", "Antal", "Navn", "Organisation", "Særlige behov"]


def needs(eater: Eater) -> str:
    """A person's needs in words: the choices, then what they wrote."""
    return diet_words(eater.diets, eater.other)


def kitchen_rows(lines: Sequence[MealLine]) -> list[list[object]]:
    """One flat table the kitchen can filter: per meal the total, the main dishes, the
    allergens that occur, then each person with special needs."""
    rows: list[list[object]] = []
    for line in lines:
        meal = [line.meal.name, date_format(line.meal.day, "l j. F Y")]
        rows.append([*meal, "I alt", line.count.total, "", "", ""])
        for dish in MAIN_DISHES:
            rows.append([*meal, str(LABELS[dish]), line.count.main[dish], "", "", ""])
        for allergen in ALLERGENS:
            if line.count.allergens[allergen]:
                rows.append(
                    [*meal, f"Uden {LABELS[allergen]}", line.count.allergens[allergen], "", "", ""]
                )
        for eater in line.count.special:
            rows.append([*meal, "Særlig kost", 1, eater.name, eater.organisation, needs(eater)])
    return rows


def line_summary(line: MealLine) -> dict[str, Any]:
    """A meal's counts as the kitchen's page and PDF show them: the main dishes, and the
    allergens someone has."""
    return {
        "meal": line.meal,
        "count": line.count,
        "main": [(LABELS[dish], line.count.main[dish]) for dish in MAIN_DISHES],
        "allergens": [
            (LABELS[key], line.count.allergens[key])
            for key in ALLERGENS
            if line.count.allergens[key]
        ],
    }


def kitchen_html(edition: Edition, lines: Sequence[MealLine]) -> str:
    return render_to_string(
        "outputs/kitchen.html",
        {
            "edition": edition,
            "lines": [
                {
                    **line_summary(line),
                    "is_dinner": line.meal.kind == MealKind.DINNER,
                    "special": [(eater, needs(eater)) for eater in line.count.special],
                }
                for line in lines
            ],
        },
    )


def kitchen_pdf(edition: Edition, lines: Sequence[MealLine]) -> bytes:
    """A few pages, one per meal: made while the organiser waits."""
    return HTML(string=kitchen_html(edition, lines)).write_pdf()
