"""The back-office tests' conference, participants and a user per role."""

from tests.backoffice.conftest import conference, people, users  # noqa: F401
