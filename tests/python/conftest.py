"""Shared fixtures of the Python bindings' tests: the shipped data, loaded into fresh databases."""

import os
import pathlib

import pytest

import stance

SOURCE = pathlib.Path(os.environ.get("STANCE_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SEED = SOURCE / "data/seed/nato-2017-03-31.json"
GENERAL_DEBATE = SOURCE / "data/general-debate"
UNGA_FIXTURE = SOURCE / "tests/data/unga"
LEXICONS = SOURCE / "data/lexicons"


@pytest.fixture
def seed():
    """The Dutch report on the NATO foreign ministers' meeting of 31 March 2017, in memory."""
    db = stance.Database()
    db.import_dataset(SEED)
    return db


@pytest.fixture
def debate():
    """The Netherlands' and the United States' general-debate speeches on Russia and Ukraine (after the
    seed, which defines the actors and topics they use)."""
    db = stance.Database()
    db.import_dataset(SEED, GENERAL_DEBATE / "nld-russia-ukraine.json", GENERAL_DEBATE / "usa-russia-ukraine.json")
    return db


@pytest.fixture(scope="module")
def unga():
    """The UN General Assembly test tables (tests/data/unga, cut from the real ones)."""
    db = stance.Database()
    db.import_unga(UNGA_FIXTURE, full_codes=UNGA_FIXTURE)
    return db
