from tests.backoffice.conftest import conference, people, users  # noqa: F401
