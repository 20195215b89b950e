"""People sorted by surname, the Danish way."""

from hypothesis import given
from hypothesis import strategies as st

from forsamling.domain.danish import surname_sort_key


def test_surnames_sort_with_ae_oe_aa_last_and_aa_as_aa():
    names = [
        "Aase Ørum",
        "Bo Andersen",
        "Zara Holm",
        "Ægir Bøgh",
        "Ole Aagaard",
        "Lars Løkke Rasmussen",
    ]
    assert sorted(names, key=surname_sort_key) == [
        "Bo Andersen",
        "Ægir Bøgh",
        "Zara Holm",
        "Lars Løkke Rasmussen",
        "Aase Ørum",
        "Ole Aagaard",
    ]


def test_the_same_surname_sorts_by_given_names():
    names = ["Søren Hansen", "Anne Hansen", "Åse Hansen"]
    assert sorted(names, key=surname_sort_key) == ["Anne Hansen", "Søren Hansen", "Åse Hansen"]


@given(st.lists(st.text(min_size=1, max_size=20), max_size=20))
def test_sorting_is_total_and_stable_for_any_names(names):
    once = sorted(names, key=surname_sort_key)
    assert sorted(once, key=surname_sort_key) == once
