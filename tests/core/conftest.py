"""The back office's conference, participants and users, for the tests of every page type."""

from tests.backoffice.conftest import conference, people, users  # noqa: F401
from tests.registration.conftest import edition  # noqa: F401
