"""Meals and dietary needs as the kitchen counts them.

Each participant eats one main dish per meal: the standard one, vegetarian or vegan (vegan
wins over vegetarian), so the three counts of a meal always add up to the people at it.
Allergens (the 14 the EU requires menus to name, regulation 1169/2011 annex II) and any
other need written in words come on top, by name, for the kitchen to plan special plates.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

STANDARD = "standard"
VEGETARIAN = "vegetarian"
VEGAN = "vegan"
MAIN_DISHES = (STANDARD, VEGETARIAN, VEGAN)

ALLERGENS = (
    "gluten",
    "crustaceans",
    "eggs",
    "fish",
    "peanuts",
    "soy",
    "milk",
    "nuts",
    "celery",
    "mustard",
    "sesame",
    "sulphites",
    "lupin",
    "molluscs",
)
DIETS = (VEGETARIAN, VEGAN, *ALLERGENS)

LUNCH = "lunch"
DINNER = "dinner"


class UnknownDiet(ValueError):
    """A dietary key that is none of `DIETS`."""


def checked_diets(diets: Iterable[str]) -> list[str]:
    """The keys in `DIETS` order, each once; an unknown key is refused."""
    chosen = set(diets)
    unknown = chosen - set(DIETS)
    if unknown:
        raise UnknownDiet(", ".join(sorted(unknown)))
    return [key for key in DIETS if key in chosen]


def main_dish(diets: Iterable[str]) -> str:
    chosen = set(diets)
    if VEGAN in chosen:
        return VEGAN
    if VEGETARIAN in chosen:
        return VEGETARIAN
    return STANDARD


def attends(days: Iterable[date], day: date) -> bool:
    """Whether someone attending `days` is there on `day`; no days chosen means all of them."""
    chosen = set(days)
    return not chosen or day in chosen


@dataclass(frozen=True)
class Eater:
    """One participant as a meal sees them."""

    name: str
    organisation: str = ""
    diets: tuple[str, ...] = ()
    other: str = ""  # needs in the participant's own words
    days: tuple[date, ...] = ()  # empty: every day of the edition
    dinner: bool = False

    @property
    def is_special(self) -> bool:
        """Needs a plate planned for them by name: an allergen or a need in words."""
        return bool(set(self.diets) & set(ALLERGENS)) or bool(self.other.strip())


def eats(eater: Eater, *, kind: str, day: date) -> bool:
    """Lunch: everyone there that day. Dinner: those there that day who said yes to it."""
    if not attends(eater.days, day):
        return False
    return eater.dinner if kind == DINNER else True


@dataclass
class MealCount:
    total: int = 0
    main: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MAIN_DISHES, 0))
    allergens: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ALLERGENS, 0))
    special: list[Eater] = field(default_factory=list)


def count_meal(eaters: Iterable[Eater], *, kind: str, day: date) -> MealCount:
    """The meal's counts: main dishes that add up to `total`, allergens, named special plates."""
    count = MealCount()
    allergens: Counter[str] = Counter()
    for eater in eaters:
        if not eats(eater, kind=kind, day=day):
            continue
        count.total += 1
        count.main[main_dish(eater.diets)] += 1
        allergens.update(set(eater.diets) & set(ALLERGENS))
        if eater.is_special:
            count.special.append(eater)
    count.allergens.update(allergens)
    return count


# Words in free-text needs written before the structured choice, and the diet each names.
# Matched on whole words (or the start of one: "glutenfri", "laktoseintolerant").
_WORDS: tuple[tuple[str, str], ...] = (
    (r"vegan\w*", VEGAN),
    (r"vegetar\w*|veggie", VEGETARIAN),
    (r"gluten\w*|cøliaki", "gluten"),
    (r"laktose\w*|mælk\w*|mejeri\w*", "milk"),
    (r"jordnød\w*|peanut\w*", "peanuts"),
    (r"nød(?:der|de)?\w*|hasselnød\w*|mandler|mandel\w*", "nuts"),
    (r"skaldyr\w*|rejer?|krebsdyr\w*", "crustaceans"),
    (r"bløddyr\w*|muslinger?|blæksprutte\w*", "molluscs"),
    (r"æg|æggeallergi", "eggs"),
    (r"fisk\w*", "fish"),
    (r"soja\w*", "soy"),
    (r"selleri\w*", "celery"),
    (r"sennep\w*", "mustard"),
    (r"sesam\w*", "sesame"),
    (r"sulfit\w*", "sulphites"),
    (r"lupin\w*", "lupin"),
)
_FILLER = frozenset({"og", "samt", "allergi", "allergisk", "mod", "over", "for", "overfor", "fri"})


def parse_free_text(text: str) -> tuple[list[str], str]:
    """The diets a free-text need names, and what is left that no choice covers.

    Used once, to move needs typed before the structured choice. When the whole text is
    covered ("Vegetar, glutenfri") nothing is left. Otherwise the text stays as typed, so no
    nuance ("ingen rå løg") is lost, and only the main dish is taken from it: "Vegetar men
    spiser fisk" is a vegetarian whose words the kitchen reads, not a fish allergy."""
    lowered = " ".join(text.split()).lower()
    if not lowered:
        return [], ""
    found: set[str] = set()
    rest = lowered
    for pattern, diet in _WORDS:
        regex = re.compile(rf"\b(?:{pattern})\b")
        if regex.search(rest):
            found.add(diet)
            rest = regex.sub(" ", rest)
    leftover = [word for word in re.findall(r"\w+", rest) if word not in _FILLER]
    if leftover:
        return checked_diets(found & {VEGAN, VEGETARIAN}), " ".join(text.split())
    return checked_diets(found), ""
