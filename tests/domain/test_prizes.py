"""The prize's rules: window, submission, conflicts, weighted scores, mean and median, ties."""

from __future__ import annotations

import itertools
import statistics
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forsamling.domain import prizes as rules
from forsamling.domain.danish import COPENHAGEN

OPENS = datetime(2026, 1, 5, 9, 0, tzinfo=COPENHAGEN)
CLOSES = datetime(2026, 3, 1, 12, 0, tzinfo=COPENHAGEN)
CRITERIA = [
    rules.Criterion("effect", 3),
    rules.Criterion("spread", 2),
    rules.Criterion("novelty", 1),
]


def test_window_not_open_before_opening() -> None:
    with pytest.raises(rules.NominationsNotOpen):
        rules.check_window(now=OPENS - timedelta(seconds=1), opens_at=OPENS, closes_at=CLOSES)


def test_window_open_at_opening_and_until_the_second_before_close() -> None:
    rules.check_window(now=OPENS, opens_at=OPENS, closes_at=CLOSES)
    rules.check_window(now=CLOSES - timedelta(seconds=1), opens_at=OPENS, closes_at=CLOSES)


def test_window_closed_at_close() -> None:
    with pytest.raises(rules.NominationsClosed):
        rules.check_window(now=CLOSES, opens_at=OPENS, closes_at=CLOSES)


def test_window_without_opening_is_not_open() -> None:
    with pytest.raises(rules.NominationsNotOpen):
        rules.check_window(now=CLOSES, opens_at=None, closes_at=None)


def test_complete_names_missing_fields_in_form_order() -> None:
    with pytest.raises(rules.Incomplete) as caught:
        rules.check_complete({"municipality": "Aalborg", "project_title": "  ", "results": "x"})
    assert caught.value.missing == [
        "nominator_municipality",
        "project_title",
        "description",
        "contact_name",
        "contact_email",
    ]


def test_complete_accepts_all_fields() -> None:
    rules.check_complete({name: "x" for name in rules.REQUIRED_FOR_SUBMISSION})


@pytest.mark.parametrize(
    ("juror", "municipality", "nominator", "declared", "expected"),
    [
        ("Aalborg", "Aalborg", "Aarhus", False, True),
        ("Aarhus", "Aalborg", "Aarhus", False, True),
        ("Odense", "Aalborg", "Aarhus", False, False),
        ("Odense", "Aalborg", "Aarhus", True, True),
        ("", "Aalborg", "", False, False),
    ],
)
def test_conflicted(
    juror: str, municipality: str, nominator: str, declared: bool, expected: bool
) -> None:
    assert (
        rules.conflicted(
            juror_municipality=juror,
            municipality=municipality,
            nominator_municipality=nominator,
            declared=declared,
        )
        is expected
    )


def test_weighted_score_weights_criteria() -> None:
    # (5*3 + 2*2 + 1*1) / 6 = 20/6
    score = rules.weighted_score({"effect": 5, "spread": 2, "novelty": 1}, CRITERIA)
    assert rules.rounded(score) == Decimal("3.33")


def test_weighted_score_advisory_criterion_does_not_count() -> None:
    criteria = [rules.Criterion("effect", 1), rules.Criterion("note", 0)]
    assert rules.weighted_score({"effect": 4, "note": 1}, criteria) == 4


def test_weighted_score_requires_every_criterion() -> None:
    with pytest.raises(rules.Incomplete) as caught:
        rules.weighted_score({"effect": 5}, CRITERIA)
    assert caught.value.missing == ["spread", "novelty"]


@pytest.mark.parametrize("value", [0, 6, -1])
def test_weighted_score_rejects_out_of_range(value: int) -> None:
    with pytest.raises(rules.ScoreOutOfRange):
        rules.weighted_score({"effect": value, "spread": 3, "novelty": 3}, CRITERIA)


def test_combine_mean_and_median() -> None:
    values = [Decimal(1), Decimal(2), Decimal(5), Decimal(5)]
    assert rules.combine(values, rules.Combine.MEAN) == Decimal("3.25")
    assert rules.combine(values, rules.Combine.MEDIAN) == Decimal("3.5")


def test_disagreement_is_population_stdev_and_range() -> None:
    spread = rules.disagreement([Decimal(2), Decimal(4)])
    assert spread.stdev == 1
    assert spread.range == 2
    assert rules.disagreement([Decimal(3)]) == rules.Spread(Decimal(0), Decimal(0))


def test_rank_orders_by_score_and_shares_positions_on_ties() -> None:
    sheets = {
        10: [Decimal(4), Decimal(4)],
        11: [Decimal(5)],
        12: [Decimal(3), Decimal(5)],  # mean 4: ties with 10
        13: [],
    }
    ranked = rules.rank(sheets, rules.Combine.MEAN, order=[12, 10, 11, 13])
    assert [(r.key, r.position, r.tied) for r in ranked] == [
        (11, 1, False),
        (12, 2, True),
        (10, 2, True),
        (13, 4, False),
    ]
    assert ranked[-1].score is None
    assert ranked[1].spread == rules.Spread(Decimal(1), Decimal(2))


def test_rank_median_differs_from_mean() -> None:
    sheets = {1: [Decimal(1), Decimal(5), Decimal(5)], 2: [Decimal(4), Decimal(4), Decimal(4)]}
    assert rules.rank(sheets, rules.Combine.MEAN)[0].key == 2
    assert rules.rank(sheets, rules.Combine.MEDIAN)[0].key == 1


def test_shortlist_needs_three_different_submitted() -> None:
    rules.check_shortlist([1, 2, 3], submitted=[1, 2, 3, 4])
    for chosen in ([1, 2], [1, 1, 2], [1, 2, 5], [1, 2, 3, 4]):
        with pytest.raises(rules.InvalidShortlist):
            rules.check_shortlist(chosen, submitted=[1, 2, 3, 4])


def test_winner_must_be_shortlisted() -> None:
    rules.check_winner(2, shortlist=[1, 2, 3])
    with pytest.raises(rules.NotShortlisted):
        rules.check_winner(4, shortlist=[1, 2, 3])


def test_winner_visible_only_from_the_award_start_when_published() -> None:
    start = datetime(2023, 5, 12, 9, 55, tzinfo=COPENHAGEN)
    before = start - timedelta(seconds=1)
    assert not rules.winner_visible(now=before, published=True, award_starts_at=start)
    assert rules.winner_visible(now=start, published=True, award_starts_at=start)
    assert not rules.winner_visible(now=start, published=False, award_starts_at=start)
    assert not rules.winner_visible(now=start, published=True, award_starts_at=None)


scores = st.integers(min_value=rules.SCORE_MIN, max_value=rules.SCORE_MAX)
weights = st.integers(min_value=0, max_value=10)


@given(st.lists(st.tuples(scores, weights), min_size=1, max_size=6))
def test_weighted_score_lies_between_the_lowest_and_highest_weighted_score(
    pairs: list[tuple[int, int]],
) -> None:
    if not any(w for _s, w in pairs):
        return
    criteria = [rules.Criterion(str(i), w) for i, (_s, w) in enumerate(pairs)]
    given_scores = {str(i): s for i, (s, _w) in enumerate(pairs)}
    counted = [s for s, w in pairs if w]
    score = rules.weighted_score(given_scores, criteria)
    assert min(counted) <= score <= max(counted)


@given(scores, st.lists(weights.filter(bool), min_size=1, max_size=6))
def test_equal_scores_give_that_score_whatever_the_weights(value: int, ws: list[int]) -> None:
    criteria = [rules.Criterion(str(i), w) for i, w in enumerate(ws)]
    assert rules.weighted_score({c.key: value for c in criteria}, criteria) == value


@given(st.lists(scores.map(Decimal), min_size=1, max_size=9))
def test_combine_matches_statistics(values: list[Decimal]) -> None:
    assert rules.combine(values, rules.Combine.MEDIAN) == statistics.median(values)
    mean = rules.combine(values, rules.Combine.MEAN)
    assert min(values) <= mean <= max(values)
    spread = rules.disagreement(values)
    assert spread.range == max(values) - min(values)
    assert 0 <= spread.stdev <= spread.range


@given(
    st.dictionaries(
        st.integers(min_value=1, max_value=50),
        st.lists(scores.map(Decimal), max_size=5),
        max_size=12,
    ),
    st.sampled_from(list(rules.Combine)),
)
def test_rank_is_sorted_and_positions_follow_scores(
    sheets: dict[int, list[Decimal]], method: rules.Combine
) -> None:
    ranked = rules.rank(sheets, method)
    assert sorted(r.key for r in ranked) == sorted(sheets)
    scored = [r for r in ranked if r.score is not None]
    assert [r.score for r in scored] == sorted((r.score for r in scored), reverse=True)
    for a, b in itertools.pairwise(scored):
        assert (a.position == b.position) == (a.score == b.score)
        assert a.position <= b.position
    if scored:
        assert scored[0].position == 1
