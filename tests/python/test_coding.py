"""Coding through the bindings: documents, stances by quote, edits, deletions, undo, review."""

import pytest

import stance
from conftest import LEXICONS, SEED

REPORT = SEED.parent / "nato-foreign-ministers-2017-03-31.nl.txt"
QUOTE = ("Vooral het onderwerp van vermindering van risico's en militaire transparantie verdient "
         "daarbij centrale aandacht.")


def added_report(db):
    assert db.add_document("report-copy", path=REPORT, language="nl", title="A copy of the report") == "added"
    return db


def test_code_by_quote_finds_the_words_and_stores_the_exact_text(seed):
    added_report(seed)
    coded = seed.code(document="report-copy", actor="Nederland", claim="nato-russia-risk-reduction",
                      position="support", meeting="nac-fm-2017-03-31-working-lunch", quote=QUOTE, coder="pytest")
    assert coded["source"] == {"document": "report-copy", "start": 7712, "end": 7828}
    assert (coded["line"], coded["column"]) == (125, 13)
    assert coded["quote"] != QUOTE and "risico’s" in coded["quote"]  # the report's curly apostrophe
    assert seed.stance(coded["id"])["quote"] == coded["quote"]
    assert any(point["id"] == coded["id"] for point in seed.evolution("NL", "Rusland").points)


def test_edit_delete_and_undo_are_recorded(seed):
    added_report(seed)
    coded = seed.code(document="report-copy", actor="NL", claim="nato-russia-risk-reduction", position="support",
                      meeting="nac-fm-2017-03-31-working-lunch", quote=QUOTE)
    edited = seed.edit(coded["id"], position="concern", note="read again")
    assert edited["note"] == "read again"
    deleted = seed.delete("stance", coded["id"])
    assert seed.stance(coded["id"]) is None
    seed.undo(deleted)
    assert seed.stance(coded["id"])["note"] == "read again"
    history = seed.history(entity=coded["id"])
    assert [change_set["action"] for change_set in history][:3] == ["undo", "delete", "edit"]
    # The library's JSON of a change set, as the CLI's `history --format json` and /api/history give it.
    assert list(history[0]) == ["id", "action", "by", "at", "summary", "bulk_stances", "undoes", "undone_by",
                                "changes"]
    assert history[0]["undoes"] == deleted and history[1]["undone_by"] == history[0]["id"]
    edit = history[2]["changes"][0]
    assert list(edit) == ["kind", "id", "before", "after", "fields"]
    assert {"field": "position", "before": '"support"', "after": '"concern"'} in edit["fields"]


def test_suggestions_are_stored_then_accepted_or_rejected(seed):
    added_report(seed)
    candidates = seed.suggest("report-copy", LEXICONS, speaker_actor="nld")
    assert candidates and all(c["document"] == "report-copy" for c in candidates)
    stored = seed.suggest("report-copy", LEXICONS, speaker_actor="nld", store=True)
    assert stored["stored"] == len(candidates)
    open_ones = seed.suggestions(document="report-copy", status="open")
    assert len(open_ones) == len(candidates)
    rejected = seed.reject(open_ones[0]["id"], "not a position")
    assert rejected["status"] == "rejected"
    # Every key of the suggestion's table, always; an id that is not there is None.
    assert list(rejected) == ["id", "document", "start", "end", "actor", "speaker", "topic", "proposition",
                              "position", "breadth", "basis", "reported_by", "confidence", "cues", "lexicon_sha256",
                              "created_at", "status", "stance", "reviewer", "reviewed_at", "reason"]
    assert rejected["stance"] is None and rejected["reason"] == "not a position"
    chosen = open_ones[1]
    claim = {} if chosen["topic"] else {"topic": "Rusland"}  # a suggestion without a guessed topic needs one
    accepted = seed.accept(chosen["id"], meeting="nac-fm-2017-03-31", **claim)
    assert accepted["source"]["start"] >= chosen["start"] and accepted["source"]["end"] <= chosen["end"]
    assert seed.suggestions(status="accepted")[0]["stance"] == accepted["id"]


def test_a_coding_with_problems_writes_nothing(seed):
    added_report(seed)
    before = seed.export()
    with pytest.raises(stance.NotFoundError):
        seed.code(document="report-copy", actor="Atlantis", claim="nato-russia-risk-reduction",
                  position="support", meeting="nac-fm-2017-03-31", quote=QUOTE)
    with pytest.raises(stance.InvalidInputError):
        seed.code(document="report-copy", actor="NL", claim="nato-russia-risk-reduction", position="support",
                  meeting="nac-fm-2017-03-31", quote=QUOTE, colour="blue")
    assert seed.export() == before
