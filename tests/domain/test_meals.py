"""The kitchen's counting rules, without a database."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forsamling.domain.meals import (
    ALLERGENS,
    DIETS,
    DINNER,
    LUNCH,
    MAIN_DISHES,
    Eater,
    UnknownDiet,
    checked_diets,
    count_meal,
    eats,
    main_dish,
    parse_free_text,
)

DAY_1, DAY_2 = date(2026, 5, 7), date(2026, 5, 8)

eaters = st.lists(
    st.builds(
        Eater,
        name=st.text(min_size=1, max_size=10),
        diets=st.lists(st.sampled_from(DIETS), unique=True).map(tuple),
        other=st.sampled_from(["", "ingen rå løg", "  "]),
        days=st.lists(st.sampled_from([DAY_1, DAY_2]), unique=True).map(tuple),
        dinner=st.booleans(),
    ),
    max_size=40,
)


@given(eaters, st.sampled_from([LUNCH, DINNER]), st.sampled_from([DAY_1, DAY_2]))
def test_the_main_dishes_of_a_meal_add_up_to_the_people_eating_it(people, kind, day):
    count = count_meal(people, kind=kind, day=day)
    eating = [person for person in people if eats(person, kind=kind, day=day)]
    assert count.total == len(eating)
    assert sum(count.main.values()) == count.total
    for dish in MAIN_DISHES:
        assert count.main[dish] == sum(1 for person in eating if main_dish(person.diets) == dish)
    for allergen in ALLERGENS:
        assert count.allergens[allergen] == sum(1 for p in eating if allergen in p.diets)
    assert count.special == [person for person in eating if person.is_special]


def test_vegan_wins_over_vegetarian():
    assert main_dish(["vegetarian", "vegan"]) == "vegan"
    assert main_dish(["vegetarian", "milk"]) == "vegetarian"
    assert main_dish(["sesame"]) == "standard"


def test_lunch_counts_everyone_there_that_day_and_dinner_only_those_who_said_yes():
    people = [
        Eater("Alle dage, middag", dinner=True),
        Eater("Kun dag 2", days=(DAY_2,)),
        Eater("Kun dag 1, ingen middag", days=(DAY_1,)),
    ]
    assert count_meal(people, kind=LUNCH, day=DAY_1).total == 2
    assert count_meal(people, kind=LUNCH, day=DAY_2).total == 2
    assert count_meal(people, kind=DINNER, day=DAY_1).total == 1


def test_an_allergen_or_a_need_in_words_is_named_for_the_kitchen_a_plain_diet_is_not():
    assert Eater("A", diets=("gluten",)).is_special
    assert Eater("B", other="ingen rå løg").is_special
    assert not Eater("C", diets=("vegan",)).is_special


def test_unknown_diets_are_refused_and_known_ones_ordered():
    assert checked_diets(["sesame", "vegan", "sesame"]) == ["vegan", "sesame"]
    with pytest.raises(UnknownDiet):
        checked_diets(["paleo"])


@pytest.mark.parametrize(
    ("text", "diets", "rest"),
    [
        ("Vegetar", ["vegetarian"], ""),
        ("vegetar ", ["vegetarian"], ""),
        ("Vegan, glutenfri", ["vegan", "gluten"], ""),
        ("Laktoseintolerant", ["milk"], ""),
        ("Allergi over nødder og skaldyr", ["crustaceans", "nuts"], ""),
        ("Allergisk overfor selleri + sennep", ["celery", "mustard"], ""),
        ("ingen rå løg", [], "ingen rå løg"),
        # Words the choice cannot hold stay as typed; only the main dish is read from them.
        ("Vegetar men spiser fisk", ["vegetarian"], "Vegetar men spiser fisk"),
        ("", [], ""),
    ],
)
def test_free_text_from_before_the_choice_becomes_diets_without_losing_words(text, diets, rest):
    assert parse_free_text(text) == (diets, rest)
