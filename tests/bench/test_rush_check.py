"""The rush benchmark's own checker: it must catch what it claims to catch (no database)."""

from __future__ import annotations

from typing import Any

from bench.lib import rush_check

INFO = {
    "edition": "demo",
    "categories": {"politiker": 1, "medarbejder": 3},
    "slots": [
        {
            "slot": 45,
            "sessions": [
                {"id": 29, "audience": "politicians", "capacity": 2},
                {"id": 30, "audience": "politicians", "capacity": 2},
            ],
        },
        {
            "slot": 46,
            "sessions": [
                {"id": 33, "audience": "everyone", "capacity": 1},
                {"id": 34, "audience": "everyone", "capacity": 9},
            ],
        },
    ],
}


def _state() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Three clients, one after another, all for session 33 (one seat)."""
    results, registrations, choices = [], [], []
    for n in range(3):
        results.append(
            {
                "index": n,
                "email": f"p{n}@example.org",
                "token": f"t{n}",
                "post_sent": 10.0 * n,
                "post_answered": 10.0 * n + 1,
            }
        )
        registrations.append(
            {"id": n, "email": f"p{n}@example.org", "token": f"t{n}", "status": "active"}
        )
        choices.append(
            {
                "id": 100 + n,
                "registration_id": n,
                "session_id": 33,
                "status": "confirmed" if n == 0 else "waiting",
                "created_at": float(n),
            }
        )
    return results, registrations, choices


def test_check_passes_a_consistent_rush() -> None:
    results, registrations, choices = _state()
    outcome = rush_check.check(results, registrations, choices, {33: 1}, {33: 1})
    assert outcome["ok"], outcome["problems"]
    assert outcome["happens_before_pairs_checked"] == 2


def test_check_finds_a_session_over_capacity_and_a_wrong_counter() -> None:
    results, registrations, choices = _state()
    choices[1]["status"] = "confirmed"
    outcome = rush_check.check(results, registrations, choices, {33: 1}, {33: 1})
    assert any("capacity" in p for p in outcome["problems"])
    assert any("counter" in p for p in outcome["problems"])


def test_check_finds_a_registration_no_client_was_confirmed_for() -> None:
    results, registrations, choices = _state()
    registrations.append({"id": 9, "email": "x@example.org", "token": "t9", "status": "active"})
    outcome = rush_check.check(results, registrations, choices, {33: 1}, {33: 1})
    assert any("no client was confirmed for" in p for p in outcome["problems"])


def test_a_client_that_gave_up_may_still_have_been_registered() -> None:
    results, registrations, choices = _state()
    results[2] = {"index": 2, "email": "p2@example.org", "error": "TimeoutError"}
    outcome = rush_check.check(results, registrations, choices, {33: 1}, {33: 1})
    assert outcome["ok"], outcome["problems"]
    assert outcome["saved_after_client_gave_up"] == 1


def test_check_finds_a_later_arrival_seated_before_an_earlier() -> None:
    results, registrations, choices = _state()
    choices[0]["status"], choices[2]["status"] = "waiting", "confirmed"
    outcome = rush_check.check(results, registrations, choices, {33: 1}, {33: 1})
    assert any("later arrival" in p for p in outcome["problems"])


def test_check_finds_a_choice_ahead_of_one_answered_before_it_was_sent() -> None:
    results, registrations, choices = _state()
    choices[0]["id"], choices[2]["id"] = 102, 100
    choices[0]["status"], choices[2]["status"] = "waiting", "confirmed"
    outcome = rush_check.check(results, registrations, choices, {33: 1}, {33: 1})
    assert any("happens-before" in p for p in outcome["problems"])


def test_overlapping_requests_may_take_the_lock_in_either_order() -> None:
    results, registrations, choices = _state()
    results[1]["post_sent"] = 0.5  # sent before client 0's answer came back
    choices[0]["id"], choices[1]["id"] = 101, 100
    choices[0]["status"], choices[1]["status"] = "waiting", "confirmed"
    outcome = rush_check.check(results, registrations, choices, {33: 1}, {33: 1})
    assert not any("happens-before" in p for p in outcome["problems"])


def test_most_participants_want_the_popular_sessions() -> None:
    fields = [rush_check.registration_fields(INFO, n, "t") for n in range(1000)]
    popular = sum(1 for f in fields if f["slot_45"] == "29" and f["slot_46"] == "33")
    assert 800 < popular < 900
    staff = [f for f in fields if f["category"] == "3"]
    assert staff and all(f["slot_45"] == "none" for f in staff)
    assert rush_check.registration_fields(INFO, 7, "t") == fields[7]


def test_spread_choices_want_every_session_alike_with_the_same_participants() -> None:
    """popular_share=0: same people and categories, each allowed session about equally often."""
    hot = [rush_check.registration_fields(INFO, n, "t") for n in range(2000)]
    spread = [rush_check.registration_fields(INFO, n, "t", popular_share=0) for n in range(2000)]
    assert [f["category"] for f in spread] == [f["category"] for f in hot]
    politicians = [f for f in spread if f["category"] == "1"]
    for slot, sessions in (("slot_45", ("29", "30")), ("slot_46", ("33", "34"))):
        shares = [sum(f[slot] == s for f in politicians) / len(politicians) for s in sessions]
        assert all(0.4 < share < 0.6 for share in shares), (slot, shares)


def test_form_tokens_reads_the_hidden_fields() -> None:
    html = (
        '<input type="hidden" name="csrfmiddlewaretoken" value="abc">'
        '<input type="hidden" name="idempotency_key" value="k-1" id="id_idempotency_key">'
    )
    assert rush_check.form_tokens(html) == {"csrfmiddlewaretoken": "abc", "idempotency_key": "k-1"}


def test_pgbench_script_varies_unique_values_and_reuses_returned_ids() -> None:
    statements = [
        ("SELECT 1 WHERE k = 'key-x'", False, 1),
        ('INSERT INTO "reg" ("k") VALUES (\'key-x\') RETURNING "reg"."id"', True, 1),
        ('INSERT INTO "choice" ("r") VALUES (7000000001) RETURNING "choice"."id"', True, 1),
        ("UPDATE seats SET taken = 1 WHERE id = 3", True, 1),
        ('INSERT INTO "task" ("id") VALUES (\'7f4ae123ff5146329513374082d57b0c\'::uuid)', False, 1),
        ("SELECT * FROM choice WHERE id < 14000000001 AND r = 7000000001", False, 3),
    ]
    script = rush_check.pgbench_script(
        statements,
        unique={"key-x": "key"},
        ids={7000000001: ("reg", "reg_0"), 14000000001: ("choice", "choice_0")},
    )
    lines = script.splitlines()
    assert lines[0].startswith("\\set n random(")
    assert "('key-' || :client_id || '-' || :n)" in lines[1]
    assert lines[2] == "BEGIN;"
    assert lines[4] == "\\gset reg_0_"
    assert "VALUES (:reg_0_id)" in lines[5]
    assert lines[6] == "\\gset choice_0_"
    assert lines[8] == "COMMIT;"
    assert lines[9] == 'INSERT INTO "task" ("id") VALUES (gen_random_uuid());'
    assert lines[10] == "SELECT * FROM choice WHERE id < :choice_0_id AND r = :reg_0_id;"


def test_pgbench_script_sets_one_variable_per_row_of_a_bulk_insert() -> None:
    statements = [('INSERT INTO "c" ("r") VALUES (1), (2) RETURNING "c"."id"', True, 2)]
    script = rush_check.pgbench_script(
        statements, unique={}, ids={21: ("c", "c_0"), 22: ("c", "c_1"), 31: ("a", "a_0")}
    )
    lines = script.splitlines()
    assert lines[2] == (
        'WITH inserted AS (INSERT INTO "c" ("r") VALUES (1), (2) RETURNING "c"."id") SELECT '
        "(array_agg(id ORDER BY id))[1] AS c_0_id, (array_agg(id ORDER BY id))[2] AS c_1_id "
        "FROM inserted"
    )
    assert lines[3] == "\\gset"


def test_percentile_is_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]
    assert rush_check.percentile(values, 50) == 50
    assert rush_check.percentile(values, 99) == 99
    assert rush_check.percentile([3.0], 99) == 3.0
