"""Danish formats and sorting: dates, times, prices and names, the way Danes write them.

One small module that pages, e-mails, lists and exports all reuse, so "7.–8. maj 2026",
"onsdag den 25. februar 2026 kl. 10.00", "3.995 kr." and the order æ, ø, å (with "aa" as
"å") are written in exactly one place. English variants exist for the English UI.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

MONTHS = {
    "da": [
        "januar", "februar", "marts", "april", "maj", "juni",
        "juli", "august", "september", "oktober", "november", "december",
    ],
    "en": [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ],
}  # fmt: skip
WEEKDAYS = {
    "da": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
SHORT_MONTHS = ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.",
                "nov.", "dec."]  # fmt: skip
EN_DASH = "\u2013"


def _lang(lang: str | None) -> str:
    return "en" if (lang or "da").startswith("en") else "da"


def format_date(day: date, lang: str | None = "da") -> str:
    """'25. februar 2026' (English: '25 February 2026')."""
    lang = _lang(lang)
    month = MONTHS[lang][day.month - 1]
    if lang == "en":
        return f"{day.day} {month} {day.year}"
    return f"{day.day}. {month} {day.year}"


def format_short_date(day: date) -> str:
    """'25. feb.', where room is short (the back office's chart); Danish only."""
    return f"{day.day}. {SHORT_MONTHS[day.month - 1]}"


def format_weekday_date(day: date, lang: str | None = "da") -> str:
    """'onsdag den 25. februar 2026' (English: 'Wednesday 25 February 2026')."""
    lang = _lang(lang)
    weekday = WEEKDAYS[lang][day.weekday()]
    if lang == "en":
        return f"{weekday} {format_date(day, lang)}"
    return f"{weekday} den {format_date(day, lang)}"


def format_time(moment: time | datetime, lang: str | None = "da") -> str:
    """'10.00' in Danish, '10:00' in English; aware datetimes are shown in Copenhagen time."""
    if isinstance(moment, datetime):
        moment = to_local(moment).time()
    separator = ":" if _lang(lang) == "en" else "."
    return f"{moment.hour:02d}{separator}{moment.minute:02d}"


def format_moment(moment: datetime, lang: str | None = "da") -> str:
    """'onsdag den 25. februar 2026 kl. 10.00' (English: '… at 10:00'), in Copenhagen time."""
    local = to_local(moment)
    lang = _lang(lang)
    joiner = "at" if lang == "en" else "kl."
    return f"{format_weekday_date(local.date(), lang)} {joiner} {format_time(local, lang)}"


def format_date_range(start: date, end: date | None, lang: str | None = "da") -> str:
    """'7.–8. maj 2026'; across months '30. april–1. maj 2026'; one day '7. maj 2026'."""
    lang = _lang(lang)
    if end is None or end == start:
        return format_date(start, lang)
    dot = "" if lang == "en" else "."
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{dot}{EN_DASH}{format_date(end, lang)}"
    if start.year == end.year:
        first = format_date(start, lang).rsplit(" ", 1)[0]
        return f"{first}{EN_DASH}{format_date(end, lang)}"
    return f"{format_date(start, lang)}{EN_DASH}{format_date(end, lang)}"


def format_time_range(start: time | None, end: time | None, lang: str | None = "da") -> str:
    """'10.00–10.20', or just '10.00' when the end is unknown."""
    if start is None:
        return ""
    if end is None:
        return format_time(start, lang)
    return f"{format_time(start, lang)}{EN_DASH}{format_time(end, lang)}"


def format_price(amount: Decimal | int | float, lang: str | None = "da") -> str:
    """'3.995 kr.'; øre only when there are any: '3.995,50 kr.' (English: 'DKK 3,995.50')."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole = int(value)
    cents = abs(int((value - whole) * 100))
    grouped = f"{abs(whole):,}"
    sign = "-" if value < 0 else ""
    if _lang(lang) == "en":
        return f"DKK {sign}{grouped}" + (f".{cents:02d}" if cents else "")
    grouped = grouped.replace(",", ".")
    return f"{sign}{grouped}" + (f",{cents:02d}" if cents else "") + " kr."


def format_price_ex_vat(amount: Decimal | int | float, lang: str | None = "da") -> str:
    """A price as the public pages show it, VAT stated: '3.995 kr. ekskl. moms'."""
    if _lang(lang) == "en":
        return f"{format_price(amount, lang)} excl. VAT"
    return f"{format_price(amount, lang)} ekskl. moms"


def format_price_incl_vat(amount: Decimal | int | float, lang: str | None = "da") -> str:
    """A total with VAT, as the invoice's amount to pay: '4.993,75 kr. inkl. moms'."""
    if _lang(lang) == "en":
        return f"{format_price(amount, lang)} incl. VAT"
    return f"{format_price(amount, lang)} inkl. moms"


def error_summary_line(label: str, message: str) -> str:
    """One line of a form's error summary: the field's label, then the error.

    A label that is a question or a sentence already ends in its own punctuation, so it is
    followed by the message as the next sentence ("Hvor tilfreds var du? Besvar spørgsmålet.");
    only a bare label gets a colon ("Navn: Skriv dit navn."), never "du?:".
    """
    label = label.strip()
    if not label:
        return message
    if label[-1] in "?.!:…":
        return f"{label} {message}"
    return f"{label}: {message}"


def to_local(moment: datetime) -> datetime:
    """An aware datetime in Copenhagen time; naive ones are taken to be Copenhagen time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=COPENHAGEN)
    return moment.astimezone(COPENHAGEN)


# Danish collation: a-z, then æ, ø, å. "aa" is read as "å" (Aabenraa and Aalborg sort last),
# ä/ö/ü are read as æ/ø/y, and other accents are folded (é as e).
_LATE_LETTERS = {"æ": 27, "ä": 27, "ø": 28, "ö": 28, "å": 29}
_FOLD = {"ü": "y", "ß": "ss"}


def _primary(char: str) -> tuple[int, int]:
    if char in _LATE_LETTERS:
        return (2, _LATE_LETTERS[char])
    if "a" <= char <= "z":
        return (2, ord(char) - ord("a") + 1)
    if char.isdigit():
        return (1, ord(char))
    return (3, ord(char))


def danish_sort_key(text: str) -> tuple[tuple[tuple[int, int], ...], str]:
    """A key that sorts strings the Danish way; ties are broken by the original text."""
    folded = text.casefold().replace("aa", "å")
    chars: list[str] = []
    for char in folded:
        char = _FOLD.get(char, char)
        if char in _LATE_LETTERS or char.isascii():
            chars.append(char)
            continue
        base = unicodedata.normalize("NFD", char)
        chars.append("".join(c for c in base if not unicodedata.combining(c)) or char)
    # Spaces and punctuation do not count: "Lolland-Falster" sorts as "LollandFalster".
    primary = tuple(_primary(c) for c in "".join(chars) if c.isalnum())
    return (primary, text)


def surname_sort_key(name: str) -> tuple[object, ...]:
    """Sorts people by surname, then given names, the Danish way ("Bo Andersen" before
    "Aase Ørum"). The surname is the last word: Danish names carry no particle that would
    move it ("Lars Løkke Rasmussen" sorts under R)."""
    words = name.split()
    surname, given = (words[-1], " ".join(words[:-1])) if words else ("", "")
    return (danish_sort_key(surname)[0], danish_sort_key(given)[0], name)


T = TypeVar("T")


def danish_sorted(items: Iterable[T], key: object = None) -> list[T]:
    """Sort items by a text the Danish way; `key` picks the text (default: the item itself)."""
    pick = key if callable(key) else (lambda item: str(item))
    return sorted(items, key=lambda item: danish_sort_key(pick(item)))
