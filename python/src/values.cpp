// Results as plain Python dicts and lists (see convert.hpp): the library's own JSON where it has
// one (suggestions, change sets, coded stances), so the keys are those of the CLI and the HTTP API,
// else built here.
#include <string>

#include "convert.hpp"
#include "stance/coding/suggestion_json.hpp"
#include "stance/store/change_set_json.hpp"

namespace stance::python {

namespace {

template <class Id> py::object optional_id(const std::optional<Id>& id) {
    return id ? py::object(py::str(id->str())) : py::object(py::none());
}

template <class T> py::object optional_value(const std::optional<T>& value) {
    return value ? py::cast(*value) : py::object(py::none());
}

/// A node's or edge's attribute values under their column names.
py::dict attributes(const std::vector<AttributeColumn>& columns, const std::vector<std::string>& values) {
    py::dict out;
    for (std::size_t i = 0; i < columns.size() && i < values.size(); ++i) {
        if (columns[i].type == AttributeType::number && !values[i].empty()) {
            out[py::str(columns[i].name)] = std::stod(values[i]);
        } else {
            out[py::str(columns[i].name)] = values[i];
        }
    }
    return out;
}

} // namespace

py::object parsed_json(const std::string& json) {
    // Imported once by Python and cached there; no static py::object, which would outlive the interpreter.
    return py::module_::import("json").attr("loads")(json);
}

py::dict summary_dict(const PositionSummary& summary) {
    py::dict counts;
    for (const PositionKind kind : all_position_kinds) {
        if (summary.count(kind) > 0) {
            counts[py::str(std::string(to_string(kind)))] = summary.count(kind);
        }
    }
    py::dict out;
    out["n"] = summary.n;
    out["counts"] = counts;
    out["mean_score"] = optional_value(summary.mean_score);
    out["share_support"] = optional_value(summary.share_support);
    out["dominant"] = summary.dominant ? py::object(py::str(std::string(to_string(*summary.dominant)))) : py::none();
    return out;
}

py::dict network_dict(const Network& network) {
    py::list nodes;
    for (const NetworkNode& node : network.nodes) {
        py::dict row = attributes(network.node_columns, node.values);
        row["id"] = node.id;
        row["label"] = node.label;
        nodes.append(row);
    }
    py::list edges;
    for (const NetworkEdge& edge : network.edges) {
        py::dict row = attributes(network.edge_columns, edge.values);
        row["source"] = network.nodes[edge.source].id;
        row["target"] = network.nodes[edge.target].id;
        row["weight"] = edge.weight;
        row[py::str(network.frequency_name.empty() ? "frequency" : network.frequency_name)] = edge.frequency;
        row["slice"] = edge.slice ? py::object(py::str(network.slices[*edge.slice].label)) : py::none();
        edges.append(row);
    }
    py::dict out;
    out["description"] = network.description;
    out["weight_meaning"] = network.weight_meaning;
    out["nodes"] = nodes;
    out["edges"] = edges;
    return out;
}

py::dict change_set_dict(const ChangeSet& change_set) {
    return parsed_json(to_json(change_set));
}

py::dict suggestion_dict(const Suggestion& suggestion) {
    return parsed_json(to_json(suggestion));
}

py::dict candidate_dict(const Candidate& candidate) {
    py::list cues;
    for (const CueHit& hit : candidate.cues) {
        cues.append(describe_cue(hit.cue));
    }
    py::dict out;
    out["document"] = candidate.span.document.str();
    out["start"] = candidate.span.start;
    out["end"] = candidate.span.end;
    out["sentence"] = candidate.sentence;
    out["actor"] = candidate.actor.str();
    out["speaker"] = optional_id(candidate.speaker);
    out["evidence"] = std::string(to_string(candidate.evidence));
    out["topic"] = optional_id(candidate.topic);
    out["proposition"] = optional_id(candidate.proposition);
    out["position"] = std::string(to_string(candidate.kind));
    out["basis"] = std::string(to_string(candidate.basis));
    out["confidence"] = candidate.confidence;
    out["cues"] = cues;
    return out;
}

py::dict coded_dict(const CodedStance& coded) {
    py::dict out = parsed_json(entity_json(coded.stance));
    out["line"] = coded.place.line;
    out["column"] = coded.place.column;
    return out;
}

py::dict unga_summary_dict(const UngaImportSummary& summary) {
    py::dict out;
    out["sessions"] = summary.sessions;
    out["meetings"] = summary.meetings;
    out["roll_calls"] = summary.roll_calls;
    out["actors"] = summary.actors;
    out["yes"] = summary.yes;
    out["no"] = summary.no;
    out["abstain"] = summary.abstain;
    out["absent"] = summary.absent;
    out["not_member"] = summary.not_member;
    out["notes"] = summary.notes;
    return out;
}

py::dict csv_report_dict(const CsvCodingReport& report) {
    py::list coded;
    for (const CodedStance& stance : report.coded) {
        coded.append(coded_dict(stance));
    }
    py::list problems;
    for (const CsvCodingProblem& problem : report.problems) {
        problems.append(problem.describe());
    }
    py::dict out;
    out["rows"] = report.rows;
    out["written"] = report.written;
    out["coded"] = coded;
    out["problems"] = problems;
    return out;
}

} // namespace stance::python
