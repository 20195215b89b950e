"""The allocation command line, end to end: files, standard input, errors, and `python -m`."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from forsamling.domain.allocation import allocate, instance_from_json, result_to_json
from forsamling.domain.allocation_cli import main

REPO = Path(__file__).resolve().parents[2]

INSTANCE: dict[str, Any] = {
    "seed": 20260525,
    "slots": [
        {
            "id": "day1-am",
            "sessions": [
                {"id": "mayors", "capacity": 1, "eligible": ["politician"]},
                {"id": "health", "capacity": 2, "eligible": None},
            ],
        },
        {"id": "day1-pm", "sessions": [{"id": "elderly", "capacity": 1, "eligible": None}]},
    ],
    "participants": [
        {
            "id": "anna",
            "category": "politician",
            "rankings": {"day1-am": ["mayors", "health"], "day1-pm": ["elderly"]},
        },
        {
            "id": "bo",
            "category": "professional",
            "rankings": {"day1-am": ["mayors", "health"], "day1-pm": ["elderly"]},
        },
        {"id": "carl", "category": "professional", "rankings": {"day1-am": ["health"]}},
    ],
}


def expected_text() -> str:
    result = result_to_json(allocate(instance_from_json(INSTANCE)))
    return json.dumps(result, sort_keys=True, indent=2) + "\n"


def test_cli_main_writes_the_result_to_the_output_file(tmp_path: Path) -> None:
    """`main([file, -o out])` writes sorted-key JSON equal to the library's own result."""
    source, target = tmp_path / "round.json", tmp_path / "out.json"
    source.write_text(json.dumps(INSTANCE), encoding="utf-8")
    assert main([str(source), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == expected_text()
    out = json.loads(target.read_text(encoding="utf-8"))
    assert out["assignments"]["anna"]["day1-am"] == "mayors"
    assert out["stats"]["seated"] == 4


def test_cli_main_reads_standard_input_when_given_a_dash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`main(["-"])` reads the round from standard input and prints the result."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(INSTANCE)))
    assert main(["-"]) == 0
    assert capsys.readouterr().out == expected_text()


@pytest.mark.parametrize(
    "content",
    ["{not json", "[1, 2]", json.dumps({**INSTANCE, "seed": None})],
)
def test_cli_main_rejects_unusable_input_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    """Broken JSON, a non-object or an invalid round ends with status 2 and a message."""
    source = tmp_path / "round.json"
    source.write_text(content, encoding="utf-8")
    assert main([str(source)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("allocation: ")


def test_cli_main_reports_a_missing_file_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that does not exist is reported, not raised."""
    assert main([str(tmp_path / "nope.json")]) == 2
    assert "nope.json" in capsys.readouterr().err


def test_cli_runs_as_a_module_in_a_subprocess(tmp_path: Path) -> None:
    """`python -m forsamling.domain.allocation_cli` works from a file and from stdin."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "forsamling.domain.allocation_cli"]
    source, target = tmp_path / "round.json", tmp_path / "out.json"
    source.write_text(json.dumps(INSTANCE), encoding="utf-8")
    ran = subprocess.run(
        [*command, str(source), "-o", str(target)], env=env, capture_output=True, timeout=60
    )
    assert ran.returncode == 0, ran.stderr
    assert target.read_text(encoding="utf-8") == expected_text()
    piped = subprocess.run(
        [*command, "-"],
        input=json.dumps(INSTANCE),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == expected_text()
