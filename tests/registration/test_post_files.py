"""A reader follows the registration POST through few of the project's files (issue 22).

The profile of one POST lists every file under `src/forsamling` in which a function ran, as
the query-count test (`test_post_queries.py`) counts the statements: the form page was just
shown (the rush), so modules loaded and one-second reads warmed there are not counted again.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import forsamling

from .test_pages import form_data, url

pytestmark = pytest.mark.django_db

SOURCE = str(Path(forsamling.__file__).parent)
# 16 before issue 15's wave, 29 after it; the registration path straight again (issue 22).
MOST_FILES = 0


def files_run_by(call: Any) -> tuple[Any, list[str]]:
    """What `call` returns, and the project's files in which a function ran meanwhile."""
    seen: set[str] = set()

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call":
            filename = frame.f_code.co_filename
            if filename.startswith(SOURCE):
                seen.add(filename)

    sys.setprofile(profile)
    try:
        result = call()
    finally:
        sys.setprofile(None)
    return result, sorted(str(Path(name).relative_to(SOURCE)) for name in seen)


def test_one_registration_post_runs_through_at_most_fifteen_of_our_files(client, edition):
    assert client.get(url(edition)).status_code == 200  # the rush: the form was just shown
    response, files = files_run_by(lambda: client.post(url(edition), form_data(edition)))
    assert response.status_code == 302
    listing = "\n".join(files)
    assert len(files) <= MOST_FILES, f"{len(files)} files:\n{listing}"
