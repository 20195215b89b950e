"""What the application's configured console log handler writes, caught for a test."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from forsamling.privacy.logfilter import RedactPersonalData


@contextmanager
def console_output(level: int) -> Iterator[io.StringIO]:
    """The lines the console handler (the one that redacts personal data) writes while in the
    block, with the root logger at `level`; both are put back after."""
    root = logging.getLogger()
    (handler,) = [
        h for h in root.handlers if any(isinstance(f, RedactPersonalData) for f in h.filters)
    ]
    stream = io.StringIO()
    old_stream, old_level = handler.setStream(stream), root.level
    root.setLevel(level)
    try:
        yield stream
    finally:
        root.setLevel(old_level)
        handler.setStream(old_stream)
