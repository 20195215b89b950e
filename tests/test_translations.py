"""The English catalogue holds no guessed translation: `makemessages` marks a new text that
resembles an old one as fuzzy and keeps the old English (e.g. "Tilmeldingen er åben" shown as
"Registration is closed"). A fuzzy entry is not used, and removing the flag without rewriting
the English ships the wrong sentence; every such entry must be translated and its flag and
previous-text comment removed."""

from __future__ import annotations

import re
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def entries() -> list[str]:
    return [block for block in CATALOGUE.read_text().split("\n\n") if "msgid" in block][1:]


def test_no_entry_is_fuzzy_or_carries_a_previous_text():
    left = [
        re.search(r'^msgid "(.*)"$', block, re.M).group(1)  # type: ignore[union-attr]
        for block in entries()
        if re.search(r"^#, .*fuzzy", block, re.M) or re.search(r"^#\| ", block, re.M)
    ]
    assert not left, "translate these and drop the fuzzy flag and #| lines:\n" + "\n".join(left)


def test_every_entry_is_translated():
    empty = re.compile(r'^msgstr(\[\d\])? ""\n(?!")', re.M)  # no continuation line follows
    untranslated = [block for block in entries() if empty.search(block + "\n")]
    assert not untranslated, "\n\n".join(untranslated)
