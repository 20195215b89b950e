"""Badge codes: unguessable, found again in a typed code or a scanned URL."""

from forsamling.checkin.tokens import badge_code, registration_id_from_code


def test_a_badge_code_leads_back_to_its_registration():
    assert registration_id_from_code(badge_code(42)) == 42


def test_a_scanned_url_with_the_code_is_understood():
    url = f"https://forum.example.org/backoffice/konference/2026/indtjekning/?kode={badge_code(7)}"
    assert registration_id_from_code(url) == 7


def test_spaces_and_capitals_from_typing_are_forgiven():
    assert registration_id_from_code(f"  {badge_code(7).upper()} \n") == 7


def test_a_guessed_code_is_refused():
    code = badge_code(7)
    forged = code[:-1] + ("0" if code[-1] != "0" else "1")
    assert registration_id_from_code(forged) is None
    assert registration_id_from_code("8-" + code.split("-")[1]) is None


def test_nonsense_is_refused():
    assert registration_id_from_code("") is None
    assert registration_id_from_code("hej") is None


def test_the_code_is_not_the_participants_own_link_token(conference, people):
    assert people.bo.token not in badge_code(people.bo.pk)
