"""stance.Database: the Python face of the C++ facade (include/stance/database.hpp).

Every method takes references as a person types them ("NL", "Nederland", "Rusland") and keyword
options named as the CLI's (docs/python.md lists them); results are plain records (stance._records)
whose fields are those of docs/queries.md and docs/dataset-format.md.
"""

import json
import os

from . import _stance
from ._records import Records, Result


def _options(**given):
    """The options the caller gave, under the names the C++ side reads ('from' is a keyword)."""
    options = {key.rstrip("_"): value for key, value in given.items() if value is not None}
    return options


def _records(text):
    return Records(json.loads(text))


class Network:
    """A network of actors (and claims): .nodes and .edges as records, .write() for Gephi or visone."""

    def __init__(self, network):
        self._network = network
        fields = network.records()
        self.description = fields["description"]
        self.weight_meaning = fields["weight_meaning"]
        self.nodes = Records(fields["nodes"])
        self.edges = Records(fields["edges"])

    def text(self, format="graphml"):
        """The network as graphml, gexf, csv (edges) or csv-nodes text (docs/networks.md)."""
        return self._network.text(format)

    def write(self, path, format=None):
        """Writes the network to `path`; the format follows the file's extension unless given."""
        if format is None:
            extension = os.path.splitext(str(path))[1].lstrip(".").lower()
            format = {"gexf": "gexf", "csv": "csv"}.get(extension, "graphml")
        with open(path, "w", encoding="utf-8") as out:
            out.write(self.text(format))


class Database:
    """A stance database: a file (created when missing), or ":memory:" for a private one."""

    def __init__(self, path=":memory:", read_only=False, author=""):
        self._db = _stance.Database(os.fspath(path), read_only, author)

    def refresh(self):
        """See what other processes have written since the last query."""
        self._db.refresh()

    # References, in any language ---------------------------------------------------------------
    def actor(self, reference):
        """The id of the actor `reference` names ("NL", "Nederland" → "nld")."""
        return self._db.actor(reference)

    def topic(self, reference):
        return self._db.topic(reference)

    def meeting(self, reference):
        return self._db.meeting(reference)

    def document(self, reference):
        return self._db.document(reference)

    # What is stored ----------------------------------------------------------------------------
    def actors(self):
        return _records(self._db.actors_json())

    def topics(self):
        return _records(self._db.topics_json())

    def meetings(self):
        return _records(self._db.meetings_json())

    def documents(self):
        return _records(self._db.documents_json())

    def stances(self, actor=None, topic=None, meeting=None, document=None, speaker=None, coder=None,
                basis=None, from_=None, to=None, positions_only=False):
        """The stances that match every option given, in time order (dataset form)."""
        return _records(self._db.stances_json(_options(
            actor=actor, topic=topic, meeting=meeting, document=document, speaker=speaker, coder=coder,
            basis=basis, from_=from_, to=to, positions_only=positions_only)))

    def stance(self, id):
        """One stance by id, or None."""
        found = self._db.find_json(id)
        return None if found is None else json.loads(found)

    # Queries and analyses ----------------------------------------------------------------------
    def evolution(self, actor, topic, by="none", from_=None, to=None, include_inherited=False,
                  shift_threshold=None, include_subtopics=True, basis=None, speaker=None, summary_only=False):
        """How `actor`'s position on `topic` developed; .to_pandas() gives the periods when
        aggregated (by="meeting", "session" or "year"), else the points. summary_only=True leaves
        the points out (periods, overall and shifts stay the same)."""
        result = json.loads(self._db.evolution_json(actor, topic, _options(
            by=by, from_=from_, to=to, include_inherited=include_inherited, shift_threshold=shift_threshold,
            include_subtopics=include_subtopics, basis=basis, speaker=speaker, summary_only=summary_only)))
        return Result(result, "periods" if by != "none" else "points")

    def snapshot(self, meeting, topic=None, include_subtopics=True, speaker=None):
        """Who stood where at `meeting` (and the meetings held within it); .to_pandas(): the topics."""
        return Result(json.loads(self._db.snapshot_json(meeting, _options(
            topic=topic, include_subtopics=include_subtopics, speaker=speaker))), "topics")

    def compare(self, first, second, topic=None, from_=None, to=None, include_subtopics=True, speaker=None):
        """Where two actors agree and diverge, claim by claim; .to_pandas(): the rows."""
        return Result(json.loads(self._db.compare_json(first, second, _options(
            topic=topic, from_=from_, to=to, include_subtopics=include_subtopics, speaker=speaker))), "rows")

    def search(self, text, actor=None, topic=None, meeting=None, document=None, speaker=None, coder=None,
               basis=None, from_=None, to=None):
        """Stances whose quote or paraphrase holds `text` ("phrases", OR, NOT or -word, prefix*)."""
        return _records(self._db.search_json(text, _options(
            actor=actor, topic=topic, meeting=meeting, document=document, speaker=speaker, coder=coder,
            basis=basis, from_=from_, to=to)))

    def summary(self, actor=None, topic=None, meeting=None, document=None, speaker=None, coder=None,
                basis=None, from_=None, to=None):
        """The positions among the matching stances: n, counts per kind, mean score, share support."""
        return self._db.summary(_options(
            actor=actor, topic=topic, meeting=meeting, document=document, speaker=speaker, coder=coder,
            basis=basis, from_=from_, to=to))

    def agreement(self, first, second, topic=None, by="session", from_=None, to=None, exclude_unanimous=False,
                  important_only=False, exclude_amendments=False, exclude_paragraphs=False):
        """How often two actors voted alike per period; .to_pandas(): one row per period."""
        return Result(json.loads(self._db.agreement_json(first, second, _options(
            topic=topic, by=by, from_=from_, to=to, exclude_unanimous=exclude_unanimous,
            important_only=important_only, exclude_amendments=exclude_amendments,
            exclude_paragraphs=exclude_paragraphs))), "items")

    def agreement_matrix(self, meeting, topic=None, exclude_unanimous=False, important_only=False,
                         exclude_amendments=False, exclude_paragraphs=False):
        """Every pair of actors that voted in `meeting` (a session); .to_pandas(): one row per pair."""
        return Result(json.loads(self._db.agreement_matrix_json(meeting, _options(
            topic=topic, exclude_unanimous=exclude_unanimous, important_only=important_only,
            exclude_amendments=exclude_amendments, exclude_paragraphs=exclude_paragraphs))), "pairs")

    def agreement_matrices(self, topic=None, by="session", from_=None, to=None, exclude_unanimous=False):
        """The matrix of every period, in time order."""
        return [Result(json.loads(text), "pairs") for text in self._db.agreement_matrices_json(_options(
            topic=topic, by=by, from_=from_, to=to, exclude_unanimous=exclude_unanimous))]

    def ideal_points(self, sessions=None, topic=None, dynamic=True, reference="usa", bootstrap=None,
                     interval_level=None, exclude_amendments=False, exclude_paragraphs=False):
        """Positions per session on one dimension, with intervals (docs/ideal-points.md);
        .to_pandas(): one row per session and actor."""
        result = Result(json.loads(self._db.ideal_points_json(dict(_options(
            sessions=sessions, topic=topic, dynamic=dynamic, bootstrap=bootstrap, interval_level=interval_level,
            exclude_amendments=exclude_amendments, exclude_paragraphs=exclude_paragraphs), reference=reference))),
            "rows")
        result["rows"] = Records(
            dict(actor, session=session["session"], session_label=session["label"])
            for session in result["sessions"] for actor in session["actors"])
        return result

    def statement_network(self, kind="congruence", normalization="none", topic=None, from_=None, to=None,
                          slice_by_year=False):
        """The Discourse Network Analyzer's networks of coded statements (docs/networks.md)."""
        return Network(self._db.statement_network(_options(
            kind=kind, normalization=normalization, topic=topic, from_=from_, to=to,
            slice_by_year=slice_by_year)))

    def vote_network(self, by="session", weight="share", threshold=None, topic=None, from_=None, to=None,
                     exclude_unanimous=False):
        """The agreement network of recorded votes, one time slice per period."""
        return Network(self._db.vote_network(_options(
            by=by, weight=weight, threshold=threshold, topic=topic, from_=from_, to=to,
            exclude_unanimous=exclude_unanimous)))

    # Imports and export ------------------------------------------------------------------------
    def import_dataset(self, *paths):
        """Imports JSON dataset files (docs/dataset-format.md), each in one transaction."""
        return [self._db.import_file(os.fspath(path)) for path in paths]

    def import_unga(self, directory, full_codes=None):
        """Imports the UN General Assembly vote tables (docs/unga.md)."""
        return self._db.import_unga(os.fspath(directory), None if full_codes is None else os.fspath(full_codes))

    def export(self, path=None, document=None, meeting=None, coder=None):
        """The canonical JSON dataset of the store, or of a part of it; written to `path` if given."""
        text = self._db.export_json(_options(document=document, meeting=meeting, coder=coder))
        if path is not None:
            with open(path, "w", encoding="utf-8") as out:
                out.write(text)
        return text

    # Coding ------------------------------------------------------------------------------------
    def add_document(self, id, text=None, path=None, title="", language="", date=None, author="", origin=""):
        """Stores a source text (given, or read from `path`) to code stances against."""
        if text is None:
            with open(path, encoding="utf-8") as source:
                text = source.read()
        return self._db.add_document(_options(
            id=id, text=text, title=title, language=language, date=date, author=author, origin=origin))

    def code(self, **fields):
        """Codes one stance by its quote: document, actor, claim, position, meeting, quote, ...
        (the fields of `stance code`; agenda_item for --agenda-item). Returns the stance as stored,
        with the quote's line and column."""
        return self._db.code(_options(**fields))

    def code_csv(self, path, **defaults):
        """Codes every row of a CSV file, all or nothing; `defaults` fill empty cells."""
        return self._db.code_csv(os.fspath(path), _options(**defaults))

    def edit(self, stance, **fields):
        """Changes a stored stance: position, score, quote, paraphrase, note, confidence, basis, ..."""
        return self._db.edit(stance, _options(**fields))

    def delete(self, kind, id):
        """Deletes an entity (refused while anything refers to it); returns the change set's id."""
        return self._db.remove(kind, id)

    def undo(self, change_set):
        """Takes back a change set in a new, recorded one; returns its id."""
        return self._db.undo(change_set)

    def history(self, entity=None, kind=None, change_set=None, limit=20):
        """Change sets, newest first, with each change's state before and after."""
        return Records(self._db.history(_options(entity=entity, kind=kind, change_set=change_set, limit=limit)))

    # Suggestions and their review --------------------------------------------------------------
    def suggest(self, document, lexicons, speaker_actor=None, min_confidence=None, store=False):
        """Candidate stances for a stored document from the cue lexicons in `lexicons`
        (data/lexicons); with store=True kept as open suggestions for review."""
        options = _options(speaker_actor=speaker_actor, min_confidence=min_confidence)
        if store:
            return self._db.store_suggestions(document, os.fspath(lexicons), options)
        return Records(self._db.suggest(document, os.fspath(lexicons), options))

    def suggestions(self, document=None, status=None, min_confidence=None):
        return Records(self._db.suggestions(_options(document=document, status=status,
                                                     min_confidence=min_confidence)))

    def accept(self, suggestion, **review):
        """Turns an open suggestion into a stance, optionally changed; returns the stance."""
        return self._db.accept_suggestion(suggestion, _options(**review))

    def reject(self, suggestion, reason):
        return self._db.reject_suggestion(suggestion, reason)
