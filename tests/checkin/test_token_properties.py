"""Badge codes, property-based: every genuine code is read back; an altered one never is."""

from hypothesis import given
from hypothesis import strategies as st

from forsamling.checkin.tokens import badge_code, registration_id_from_code


@given(st.integers(min_value=1, max_value=10**9))
def test_every_code_reads_back(registration_id):
    assert registration_id_from_code(badge_code(registration_id)) == registration_id


@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=0, max_value=15),
       st.sampled_from("0123456789abcdef"))  # fmt: skip
def test_changing_one_character_of_the_mac_is_refused(registration_id, position, char):
    number, mac = badge_code(registration_id).split("-")
    altered = mac[:position] + char + mac[position + 1 :]
    expected = registration_id if altered == mac else None
    assert registration_id_from_code(f"{number}-{altered}") == expected
