"""Copying rows into next year's edition (`registration.copying` and the apps' own steps)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models


def values_of(row: models.Model, names: Iterable[str]) -> dict[str, Any]:
    """The row's values of the fields `names`, for its copy: `Room(**values_of(room, ...),
    edition=copy)`; what the copy changes is named beside them."""
    return {name: getattr(row, name) for name in names}
