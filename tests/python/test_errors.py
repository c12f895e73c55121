"""Errors cross into Python as a small hierarchy, with the messages the CLI prints."""

import json
import os
import subprocess

import pytest

import stance


def test_the_hierarchy():
    assert issubclass(stance.NotFoundError, stance.Error)
    assert issubclass(stance.InvalidInputError, stance.Error)
    assert issubclass(stance.BusyError, stance.StorageError)
    assert issubclass(stance.SchemaVersionError, stance.StorageError)
    assert issubclass(stance.Error, RuntimeError)


def test_an_unknown_reference_lists_the_closest_candidates(seed):
    with pytest.raises(stance.NotFoundError) as failure:
        seed.evolution("Nederlnd", "Rusland")
    assert "Nederlnd" in str(failure.value)
    assert any(candidate.startswith("nld") for candidate in failure.value.candidates)


def test_a_bad_option_names_itself(seed):
    with pytest.raises(stance.InvalidInputError) as failure:
        seed.evolution("NL", "Rusland", from_="31-03-2017")
    assert failure.value.where == "from"
    assert "YYYY-MM-DD" in str(failure.value)
    with pytest.raises(stance.InvalidInputError, match="is not one of none, meeting, session, year"):
        seed.evolution("NL", "Rusland", by="decade")
    with pytest.raises(stance.InvalidInputError, match="the search text is empty"):
        seed.search("  ")


def test_a_bad_dataset_is_refused_with_the_cli_s_message_and_nothing_written(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"stance_dataset": 1, "actors": [{"id": "NLD!", "kind": "state", "name": "x"}]}))
    db = stance.Database(tmp_path / "py.db")
    with pytest.raises(stance.InvalidInputError) as failure:
        db.import_dataset(bad)
    assert str(bad) in str(failure.value) and failure.value.where.startswith(str(bad))
    assert db.actors() == []
    cli = os.environ.get("STANCE_CLI")
    if cli:
        run = subprocess.run([cli, "--db", str(tmp_path / "cli.db"), "import", str(bad)], capture_output=True,
                             text=True)
        assert run.returncode != 0
        assert run.stderr.strip() == f"stance: invalid input: {failure.value}"


def test_a_database_of_another_program_is_a_storage_error(tmp_path):
    other = tmp_path / "other.db"
    other.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(stance.StorageError):
        stance.Database(other)


def test_a_read_only_database_refuses_writes(tmp_path):
    path = tmp_path / "ro.db"
    stance.Database(path)
    ro = stance.Database(path, read_only=True)
    with pytest.raises(stance.Error):
        ro.add_document("d", text="Some text.", language="en")
