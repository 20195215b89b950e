"""The rules of a preference round, without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from forsamling.domain import preference_rounds as rules
from forsamling.domain.allocation import allocate, instance_from_json, result_to_json

NOON = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("action", "allowed"),
    [
        ("open", {rules.DRAFT}),
        ("close", {rules.OPEN}),
        ("run", {rules.CLOSED}),
        ("rerun", {rules.PREVIEWED}),
        ("publish", {rules.PREVIEWED}),
    ],
)
def test_each_step_starts_only_from_its_status(action, allowed):
    statuses = [rules.DRAFT, rules.OPEN, rules.CLOSED, rules.PREVIEWED, rules.PUBLISHED]
    for status in statuses:
        if status in allowed:
            rules.check_transition(action, status)
        else:
            with pytest.raises(rules.WrongRoundStatus):
                rules.check_transition(action, status)


@pytest.mark.parametrize("action", ["rerun", "publish"])
def test_a_published_round_is_final(action):
    with pytest.raises(rules.AlreadyPublished):
        rules.check_transition(action, rules.PUBLISHED)


def test_new_seed_is_a_fresh_128_bit_number_each_time():
    seeds = {rules.new_seed() for _ in range(50)}
    assert len(seeds) == 50
    assert all(0 <= int(seed) < 2**128 for seed in seeds)
    assert max(int(seed) for seed in seeds) > 2**100


def test_ranking_is_open_only_in_an_open_round_within_its_window():
    opens, closes = NOON, NOON + timedelta(days=1)
    assert rules.is_ranking_open(rules.OPEN, NOON, opens, closes)
    assert not rules.is_ranking_open(rules.OPEN, opens - timedelta(seconds=1), opens, closes)
    assert not rules.is_ranking_open(rules.OPEN, closes, opens, closes)
    assert not rules.is_ranking_open(rules.DRAFT, NOON, opens, closes)
    with pytest.raises(rules.RankingClosed):
        rules.check_ranking_open(rules.CLOSED, NOON, opens, closes)


@pytest.mark.parametrize(
    ("ranked", "reason"),
    [(["x"], "unknown session"), (["c"], "not eligible"), (["a", "b", "a"], "duplicate")],
)
def test_clean_ranking_refuses_unknown_ineligible_and_repeated_sessions(ranked, reason):
    with pytest.raises(rules.InvalidRanking) as raised:
        rules.clean_ranking(ranked, offered=["a", "b", "c"], eligible=["a", "b"])
    assert raised.value.reason == reason


def test_clean_ranking_keeps_the_participants_order():
    assert rules.clean_ranking(["b", "a"], offered=["a", "b"], eligible=["a", "b"]) == ["b", "a"]
    assert rules.clean_ranking([], offered=["a"], eligible=["a"]) == []


def test_pseudonyms_are_stable_per_key_and_differ_between_keys():
    assert rules.pseudonym("k1", 7) == rules.pseudonym("k1", 7)
    assert rules.pseudonym("k1", 7) != rules.pseudonym("k2", 7)
    assert rules.pseudonym("k1", 7) != rules.pseudonym("k1", 8)
    assert len(rules.pseudonym("k1", 7)) == 16


def test_preview_counts_ranks_unseated_and_how_full_each_session_is():
    instance = {
        "seed": "1",
        "slots": [
            {
                "id": "s",
                "sessions": [
                    {"id": "small", "capacity": 1, "eligible": None},
                    {"id": "big", "capacity": 2, "eligible": None},
                ],
            }
        ],
        "participants": [
            {"id": "p1", "category": None, "rankings": {"s": ["small", "big"]}},
            {"id": "p2", "category": None, "rankings": {"s": ["small", "big"]}},
            {"id": "p3", "category": None, "rankings": {"s": ["small"]}},
            {"id": "p4", "category": None, "rankings": {}},
        ],
    }
    result = result_to_json(allocate(instance_from_json(instance)))

    [slot] = rules.preview(instance, result)

    assert (slot.requested, slot.seated, slot.unseated) == (3, 3, 0)
    assert slot.by_rank == {1: 1, 2: 2}
    assert result["assignments"]["p3"]["s"] == "small"  # the only seat p3 can have
    fills = {fill.session_id: fill for fill in slot.sessions}
    assert (fills["small"].seated, fills["small"].percent, fills["small"].first_choices) == (
        1,
        100,
        3,
    )
    assert (fills["big"].seated, fills["big"].percent) == (2, 100)
