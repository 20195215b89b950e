"""Door lists per session: day, time and room at the top, people sorted by surname."""

from weasyprint import HTML

from forsamling.outputs.door_lists import door_lists, door_lists_html, surname_key
from forsamling.programme.models import Room
from tests.backoffice.conftest import conference, people, register  # noqa: F401
from tests.outputs.pdf_text import needs_poppler, pdf_text


def test_surnames_sort_the_danish_way():
    names = ["Øline Ås", "Bo Andersen", "Karen Aagaard", "Ægir Bøgh", "Anna Andersen"]
    assert sorted(names, key=surname_key) == [
        "Anna Andersen", "Bo Andersen", "Ægir Bøgh", "Karen Aagaard", "Øline Ås",
    ]  # fmt: skip


@needs_poppler
def test_a_door_list_shows_day_time_and_room_and_sorts_by_surname(conference, people):  # noqa: F811
    conference.big.room = Room.objects.create(edition=conference.edition, name="Sal 2")
    conference.big.save()
    register(conference, "Anders Aagaard", sessions=[conference.big])
    register(conference, "Carl Bach", sessions=[conference.big])
    big = next(d for d in door_lists(conference.edition) if d.session == conference.big)
    assert [r.name for r in big.participants] == [
        "Carl Bach", "Zara Holm", "Anders Aagaard", "Øline Ås",
    ]  # fmt: skip
    text = pdf_text(HTML(string=door_lists_html(conference.edition, [big])).write_pdf())
    assert "torsdag den 7. maj 2026" in text and "13.00–14.30" in text and "Sal 2" in text
