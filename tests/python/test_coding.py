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
    assert any(point["stance"] == coded["id"] for point in seed.evolution("NL", "Rusland").points)


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
    actions = [change_set["action"] for change_set in seed.history(entity=coded["id"])]
    assert actions[:3] == ["undo", "delete", "edit"]


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
