"""Reads for the kitchen: who eats which of an edition's meals, counted by the domain rules
(`forsamling.domain.meals`). Two queries, whatever the number of participants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from forsamling.conferences.models import Edition
from forsamling.domain.danish import surname_sort_key
from forsamling.domain.meals import Eater, MealCount, count_meal
from forsamling.registration.models import Meal, Registration, Status


def eaters(edition: Edition) -> list[Eater]:
    """The edition's active participants as the kitchen sees them, sorted by surname."""
    rows = (
        Registration.objects.filter(edition=edition, status=Status.ACTIVE)
        .values_list("name", "organisation", "diets", "dietary", "days", "dinner")
        .order_by()
    )
    people = [
        Eater(
            name=name,
            organisation=organisation,
            diets=tuple(diets or ()),
            other=other,
            days=tuple(date.fromisoformat(day) for day in days or ()),
            dinner=dinner,
        )
        for name, organisation, diets, other, days, dinner in rows
    ]
    return sorted(people, key=lambda eater: surname_sort_key(eater.name))


@dataclass
class MealLine:
    meal: Meal
    count: MealCount


def kitchen(edition: Edition) -> list[MealLine]:
    """Every meal of the edition with its counts and the people with special needs."""
    people = eaters(edition)
    return [
        MealLine(meal, count_meal(people, kind=meal.kind, day=meal.day))
        for meal in Meal.objects.filter(edition=edition)
    ]
