// Between Python and stance's C++ values, for the bindings (module.cpp): keyword options (a dict of
// what the caller gave, names as in docs/python.md) into the library's option structs, and results
// the library has no JSON form for into plain Python dicts and lists. References in options are
// resolved by the facade, so "NL" and "Nederland" work here as everywhere.
#pragma once

#include <string>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "stance/database.hpp"

namespace stance::python {

namespace py = pybind11;

// Keyword options → option structs. A value of the wrong kind throws invalid_input_error naming
// the option, so Python sees stance.InvalidInputError with the same message as the CLI gives.
[[nodiscard]] StanceFilter stance_filter(const Database& db, const py::dict& options);
[[nodiscard]] EvolutionOptions evolution_options(const Database& db, const py::dict& options);
[[nodiscard]] SnapshotOptions snapshot_options(const Database& db, const py::dict& options);
[[nodiscard]] CompareOptions compare_options(const Database& db, const py::dict& options);
[[nodiscard]] AgreementOptions agreement_options(const Database& db, const py::dict& options);
[[nodiscard]] AgreementMatrixOptions matrix_options(const Database& db, const py::dict& options);
[[nodiscard]] AgreementMatricesOptions matrices_options(const Database& db, const py::dict& options);
[[nodiscard]] IdealPointOptions ideal_point_options(const Database& db, const py::dict& options);
[[nodiscard]] StatementNetworkOptions statement_network_options(const Database& db, const py::dict& options);
[[nodiscard]] VoteNetworkOptions vote_network_options(const py::dict& options);
[[nodiscard]] ExportSelection export_selection(const Database& db, const py::dict& options);
[[nodiscard]] StanceCoding stance_coding(const py::dict& fields);
[[nodiscard]] StanceEdit stance_edit(const Database& db, const py::dict& fields);
[[nodiscard]] SuggestionReview suggestion_review(const Database& db, const py::dict& fields);
[[nodiscard]] SuggestOptions suggest_options(const Database& db, const py::dict& options);
[[nodiscard]] SuggestionFilter suggestion_filter(const Database& db, const py::dict& options);
[[nodiscard]] HistoryFilter history_filter(const py::dict& options);
[[nodiscard]] Document document_of(const py::dict& fields);

// Values → Python.
[[nodiscard]] py::object parsed_json(const std::string& json);
[[nodiscard]] py::dict summary_dict(const PositionSummary& summary);
[[nodiscard]] py::dict network_dict(const Network& network);
[[nodiscard]] py::dict change_set_dict(const ChangeSet& change_set);
[[nodiscard]] py::dict suggestion_dict(const Suggestion& suggestion);
[[nodiscard]] py::dict candidate_dict(const Candidate& candidate);
[[nodiscard]] py::dict coded_dict(const CodedStance& coded);
[[nodiscard]] py::dict unga_summary_dict(const UngaImportSummary& summary);
[[nodiscard]] py::dict csv_report_dict(const CsvCodingReport& report);

} // namespace stance::python
