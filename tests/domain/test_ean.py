import pytest
from hypothesis import given
from hypothesis import strategies as st

from forsamling.domain.ean import InvalidEAN, gs1_check_digit, is_valid_ean13, validate_ean

# Numbers with correct check digits; 4006381333931 is the textbook GS1 example.
VALID = ["5798000420489", "5790000121526", "4006381333931"]


@pytest.mark.parametrize("number", VALID)
def test_valid_ean13_numbers_pass(number):
    assert is_valid_ean13(number)


def test_spaces_and_dashes_typed_inside_the_number_are_ignored():
    assert validate_ean(" 5798 0004-20489 ") == "5798000420489"


@pytest.mark.parametrize(
    "number",
    [
        "5798000420488",
        "579800042048",
        "57980004204890",
        "579800042048X",
        "",
        "５７９８０００４２０４８９",
    ],
)
def test_wrong_check_digit_length_or_characters_are_rejected(number):
    assert not is_valid_ean13(number)
    with pytest.raises(InvalidEAN):
        validate_ean(number)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_appending_the_check_digit_always_gives_a_valid_number(body):
    assert is_valid_ean13(body + str(gs1_check_digit(body)))


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(1, 9))
def test_changing_the_check_digit_always_makes_it_invalid(body, delta):
    wrong = (gs1_check_digit(body) + delta) % 10
    assert not is_valid_ean13(body + str(wrong))
