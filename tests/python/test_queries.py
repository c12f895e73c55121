"""Every query and analysis through the bindings, checked against the data it reads."""

import json

import pytest

import stance
from conftest import SEED


def test_references_in_any_language(seed):
    assert seed.actor("NL") == seed.actor("Nederland") == seed.actor("netherlands") == "nld"
    assert seed.topic("Rusland") == "russia"
    assert seed.meeting("2017-03-31") == "nac-fm-2017-03-31"


def test_evolution_by_year_has_the_documented_fields(debate):
    nl = debate.evolution("Nederland", "Rusland", by="year")
    assert nl.actor == "nld" and nl.topic == "russia"
    assert [period["period"] for period in nl.periods] == sorted(period["period"] for period in nl.periods)
    assert {"2014", "2022"} <= {period["period"] for period in nl.periods}
    # Every point points at its source: the quote and its byte span in a Dutch speech.
    documents = {document["id"] for document in debate.documents()}
    assert any(point["source"]["document"].startswith("ungdc-nld-") for point in nl.points)
    for point in nl.points:
        assert point["source"]["document"] in documents
        assert point["quote"] and point["source"]["start"] < point["source"]["end"]


def test_evolution_to_pandas_gives_one_row_per_period(debate):
    pandas = pytest.importorskip("pandas")
    frame = debate.evolution("NL", "Russia", by="year").to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert {"period", "n", "mean_score"} <= set(frame.columns)
    assert frame["n"].sum() > 0


def test_evolution_summary_only_gives_the_same_summary_without_the_points(unga):
    full = unga.evolution("NL", "me", by="session")
    summary = unga.evolution("NL", "me", by="session", summary_only=True)
    assert full.points and summary.points == [] and summary.summary_only
    assert summary.periods == full.periods and summary.overall == full.overall
    assert summary.shifts == full.shifts


def test_snapshot_and_compare(seed):
    day = seed.snapshot("2017-03-31")
    assert day.meeting["id"] == "nac-fm-2017-03-31"
    assert day.stance_count == sum(len(a["stances"]) for t in day.topics for a in t["actors"])
    both = seed.compare("NL", "Verenigde Staten", topic="defence spending")
    assert both.second == "usa"
    assert {row["agreement"] for row in both.rows} <= {"agree", "diverge", "only_first", "only_second", "neither"}
    assert len(both.to_pandas()) == len(both.rows)


def test_stances_search_and_summary_agree(seed):
    nl = seed.stances(actor="Nederland")
    assert nl and all(s["actor"] == "nld" or "nld" in s.get("includes", []) for s in nl)
    found = seed.search("Rusland")
    assert found and all("rusland" in s["quote"].lower() or "russia" in s.get("paraphrase", "").lower()
                         for s in found)
    summary = seed.summary(actor="NL")
    assert summary["n"] == sum(summary["counts"].get(k, 0) for k in ("support", "oppose", "concern", "neutral",
                                                                      "abstain", "conditional"))
    assert seed.stance(nl[0]["id"])["id"] == nl[0]["id"]
    assert seed.stance("no-such-stance") is None


def test_export_imports_again_to_the_same_bytes(seed, tmp_path):
    exported = seed.export(tmp_path / "all.json")
    again = stance.Database()
    again.import_dataset(tmp_path / "all.json")
    assert again.export() == exported


def test_agreement_per_session_as_a_dataframe(unga):
    result = unga.agreement("Nederland", "Verenigde Staten", by="session")
    assert result.first["id"] == "nld" and result.second["id"] == "usa"
    items = result["items"]  # a key, not an attribute: dict.items is a method
    assert items and sum(item["n"] for item in items) == result.overall["n"]
    for item in items:
        assert 0 <= item["agree"] <= item["n"]
    pandas = pytest.importorskip("pandas")
    frame = result.to_pandas()
    assert list(frame["period"]) == [item["period"] for item in items]
    assert isinstance(frame, pandas.DataFrame)


def test_agreement_matrix_and_matrices(unga):
    first = unga.agreement("Netherlands", "United States")["items"][0]["period"]
    matrix = unga.agreement_matrix(first)
    assert "nld" in {actor["id"] for actor in matrix.actors}
    assert matrix.pairs and all(pair["first"] < pair["second"] for pair in matrix.pairs)
    assert first in [m.period for m in unga.agreement_matrices()]


def test_ideal_points_place_every_voter_with_an_interval(unga):
    points = unga.ideal_points(dynamic=False)
    assert points.sessions
    for row in points.rows:
        assert row["lower"] <= row["position"] <= row["upper"]
    assert {row["session"] for row in points.rows} == {s["session"] for s in points.sessions}


def test_networks_of_statements_and_votes(seed, unga, tmp_path):
    network = seed.statement_network(kind="congruence", normalization="jaccard")
    ids = {node["id"] for node in network.nodes}
    assert all(edge["source"] in ids and edge["target"] in ids for edge in network.edges)
    network.write(tmp_path / "congruence.graphml")
    assert (tmp_path / "congruence.graphml").read_text(encoding="utf-8").startswith("<?xml")
    votes = unga.vote_network(weight="kappa")
    assert "nld" in {node["id"] for node in votes.nodes}
    assert votes.text("gexf").startswith("<?xml")


def test_records_are_plain_lists_and_dicts(seed):
    actors = seed.actors()
    assert isinstance(actors, list) and isinstance(actors[0], dict)
    assert json.loads(json.dumps(actors)) == actors
    assert {"nld", "usa"} <= {a["id"] for a in actors}
    assert seed.topics() and seed.meetings() and seed.documents()


def test_version_is_the_library_version():
    assert stance.version == stance.__version__
    assert stance.version.count(".") == 2
