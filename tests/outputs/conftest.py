import pytest

from forsamling.demo.load import load_edition, seed_data
from forsamling.programme.services import publish_programme


@pytest.fixture
def edition_2023(db):
    """The 2023 edition from its seed, with version 1 of its programme published."""
    edition, _ = load_edition(seed_data(2023))
    publish_programme(edition=edition, comment="Første version")
    return edition
