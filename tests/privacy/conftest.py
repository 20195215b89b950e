"""The registration tests' edition (open registration, categories, two breakout slots)."""

from tests.registration.conftest import details, edition, make_edition  # noqa: F401
