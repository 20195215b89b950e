"""Danish dates, times, prices and sorting, as the forum writes them."""

from datetime import UTC, date, datetime, time
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from forsamling.domain import danish


def test_date_range_within_a_month_uses_an_en_dash_and_lowercase_month():
    """7.–8. maj 2026, as the forum's own pages write it."""
    assert danish.format_date_range(date(2026, 5, 7), date(2026, 5, 8)) == "7.–8. maj 2026"


def test_date_range_across_months_and_years():
    """A range over a month or year boundary names both months (and years)."""
    assert danish.format_date_range(date(2026, 4, 30), date(2026, 5, 1)) == "30. april–1. maj 2026"
    assert (
        danish.format_date_range(date(2025, 12, 31), date(2026, 1, 1))
        == "31. december 2025–1. januar 2026"
    )


def test_single_day_range_is_just_the_date():
    """A one-day conference shows one date."""
    assert danish.format_date_range(date(2026, 5, 7), date(2026, 5, 7)) == "7. maj 2026"


def test_moment_is_in_copenhagen_time_with_weekday():
    """09.00 UTC on 25 February 2026 is onsdag den 25. februar 2026 kl. 10.00 in Denmark."""
    moment = datetime(2026, 2, 25, 9, 0, tzinfo=UTC)
    assert danish.format_moment(moment) == "onsdag den 25. februar 2026 kl. 10.00"


def test_moment_respects_summer_time():
    """In May Denmark is two hours ahead of UTC."""
    assert danish.format_time(datetime(2026, 5, 7, 8, 0, tzinfo=UTC)) == "10.00"


def test_english_formats():
    """The English UI gets English dates and times."""
    assert danish.format_date_range(date(2026, 5, 7), date(2026, 5, 8), "en") == "7–8 May 2026"
    moment = datetime(2026, 2, 25, 9, 0, tzinfo=UTC)
    assert danish.format_moment(moment, "en") == "Wednesday 25 February 2026 at 10:00"


def test_time_uses_a_dot():
    """Times are written kl. 10.00, not 10:00."""
    assert danish.format_time(time(9, 5)) == "09.05"
    assert danish.format_time_range(time(10, 0), time(10, 20)) == "10.00–10.20"


def test_prices_use_dot_thousands_and_kr():
    """3.995 kr.; øre only when there are any."""
    assert danish.format_price(3995) == "3.995 kr."
    assert danish.format_price(Decimal("1900.00")) == "1.900 kr."
    assert danish.format_price(Decimal("4993.75")) == "4.993,75 kr."
    assert danish.format_price(1234567) == "1.234.567 kr."
    assert danish.format_price(0) == "0 kr."


def test_sorting_puts_ae_oe_aa_last():
    """Æ, Ø and Å come after Z."""
    names = ["Åbenrå", "Ølstykke", "Ærø", "Zealand", "Odense"]
    assert danish.danish_sorted(names) == ["Odense", "Zealand", "Ærø", "Ølstykke", "Åbenrå"]


def test_sorting_reads_aa_as_aa_ring():
    """Aabenraa and Aalborg sort last, among the å-words, not first."""
    names = ["Aalborg", "Assens", "Aabenraa", "Århus", "Vejle"]
    assert danish.danish_sorted(names) == ["Assens", "Vejle", "Aabenraa", "Aalborg", "Århus"]


def test_sorting_ignores_case_and_folds_foreign_accents():
    """é sorts as e, ü as y, ä as æ and ö as ø."""
    assert danish.danish_sorted(["zebra", "Éva", "eva", "Ädel"]) == ["eva", "Éva", "zebra", "Ädel"]
    assert danish.danish_sorted(["Müller", "Mylius", "Mogensen"]) == [
        "Mogensen",
        "Mylius",
        "Müller",
    ]


def test_sorting_by_attribute():
    """A key picks the text to sort by, as lists and exports do."""
    people = [{"name": "Ørsted"}, {"name": "Andersen"}, {"name": "Aagaard"}]
    result = danish.danish_sorted(people, key=lambda person: person["name"])
    assert [p["name"] for p in result] == ["Andersen", "Ørsted", "Aagaard"]


@given(st.lists(st.text(alphabet="abcæøåAÆØÅ z-é", max_size=8), max_size=20))
def test_sorting_is_a_stable_total_order(words):
    """Sorting twice gives the same order, and sorted output is sorted by the key."""
    once = danish.danish_sorted(words)
    assert danish.danish_sorted(once) == once
    keys = [danish.danish_sort_key(word) for word in once]
    assert keys == sorted(keys)


def test_error_summary_line_punctuates_a_question_or_sentence_once():
    """A label ending in ?, . or ! is followed by the message; only a bare label gets a colon."""
    assert (
        danish.error_summary_line("Hvor tilfreds var du med konferencen?", "Besvar spørgsmålet.")
        == "Hvor tilfreds var du med konferencen? Besvar spørgsmålet."
    )
    assert (
        danish.error_summary_line("Fortæl os om dagen.", "Besvar spørgsmålet.")
        == "Fortæl os om dagen. Besvar spørgsmålet."
    )
    assert danish.error_summary_line("Navn", "Skriv dit navn.") == "Navn: Skriv dit navn."
    assert danish.error_summary_line("Kommentar:", "For lang.") == "Kommentar: For lang."
    assert danish.error_summary_line("", "Vælg et svar.") == "Vælg et svar."
