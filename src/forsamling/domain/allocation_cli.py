"""Command line for the preference-round allocation.

    PYTHONPATH=src python -m forsamling.domain.allocation_cli instance.json [-o out.json]

Reads the input JSON of docs/allocation.md (``-`` for standard input) and writes the result
JSON, keys sorted, to standard output or to ``-o``. Exit status 2 means unusable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from forsamling.domain.allocation import allocate, instance_from_json, result_to_json


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m forsamling.domain.allocation_cli",
        description="Allocate breakout sessions from a closed preference round.",
    )
    parser.add_argument("instance", help="input JSON file, or - for standard input")
    parser.add_argument("-o", "--output", help="write the result here instead of stdout")
    args = parser.parse_args(argv)
    try:
        if args.instance == "-":
            data = json.load(sys.stdin)
        else:
            data = json.loads(Path(args.instance).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("the instance must be a JSON object")
        instance = instance_from_json(data)
    except (OSError, ValueError) as exc:  # json.JSONDecodeError is a ValueError
        print(f"allocation: {exc}", file=sys.stderr)
        return 2
    text = json.dumps(result_to_json(allocate(instance)), sort_keys=True, indent=2) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
