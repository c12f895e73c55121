#include "store/postgres/pg_suggestions.hpp"

#include <fmt/format.h>

#include "stance/error.hpp"
#include "store/suggestion_json.hpp"

namespace stance::detail {

namespace {

constexpr const char* suggestion_select =
    "SELECT s.id, d.slug, s.span_start, s.span_end, s.actor, s.speaker, s.topic, s.proposition, s.kind, "
    "s.breadth, s.basis, s.reported_by, s.confidence, s.cues, s.lexicon_sha256, s.created_at, s.status, s.stance, "
    "s.reviewer, s.reviewed_at, s.reason FROM suggestion s JOIN document d ON d.id = s.document_id WHERE true";

Suggestion read_suggestion(const PgResult& rows, int row) {
    Suggestion s;
    s.id = rows.integer(row, 0);
    s.document = DocumentId{rows.text(row, 1)};
    s.start = static_cast<std::size_t>(rows.integer(row, 2));
    s.end = static_cast<std::size_t>(rows.integer(row, 3));
    s.actor = ActorId{rows.text(row, 4)};
    s.speaker = id_or_none<ActorId>(rows.text(row, 5));
    s.topic = id_or_none<TopicId>(rows.text(row, 6));
    s.proposition = id_or_none<PropositionId>(rows.text(row, 7));
    s.kind = parse_position_kind(rows.text(row, 8)).value_or(PositionKind::neutral);
    s.breadth = parse_breadth(rows.text(row, 9)).value_or(Breadth::single);
    s.basis = parse_basis(rows.text(row, 10)).value_or(Basis::statement);
    s.reported_by = id_or_none<ActorId>(rows.text(row, 11));
    s.confidence = rows.real(row, 12);
    s.cues = split_lines(rows.text(row, 13));
    s.lexicon_sha256 = rows.text(row, 14);
    s.created_at = rows.text(row, 15);
    s.status = parse_suggestion_status(rows.text(row, 16)).value_or(SuggestionStatus::open);
    s.stance = id_or_none<StanceId>(rows.text(row, 17));
    s.reviewer = rows.text(row, 18);
    s.reviewed_at = rows.text(row, 19);
    s.reason = rows.text(row, 20);
    return s;
}

/// The document's row, checked against the suggestion's span (octet_length: spans are in bytes).
std::int64_t document_row(PgConnection& db, const Suggestion& suggestion) {
    const PgResult rows = db.query("SELECT id, octet_length(text) FROM document WHERE slug = $1",
                                   PgParams().text(suggestion.document.str()));
    const std::string entity = fmt::format("suggestion of \"{}\"", suggestion.document.str());
    if (rows.rows() == 0) {
        throw invalid_input_error(entity, "the document is not in the database; add it first, then store "
                                          "suggestions for it");
    }
    const auto length = static_cast<std::size_t>(rows.integer(0, 1));
    if (suggestion.end < suggestion.start || suggestion.end > length) {
        throw invalid_input_error(entity, fmt::format("the span [{}, {}) is not inside the document's {} bytes",
                                                      suggestion.start, suggestion.end, length));
    }
    return rows.integer(0, 0);
}

} // namespace

std::int64_t pg_write_suggestion(PgConnection& db, const Suggestion& s) {
    const std::int64_t document = document_row(db, s);
    // A new suggestion takes the next id, as SQLite's INTEGER PRIMARY KEY gives it; writers take turns.
    const std::int64_t id =
        s.id != 0 ? s.id : db.query("SELECT coalesce(max(id), 0) + 1 FROM suggestion").integer(0, 0);
    PgParams params;
    params.integer(id)
        .integer(document)
        .integer(static_cast<std::int64_t>(s.start))
        .integer(static_cast<std::int64_t>(s.end))
        .text(s.actor.str())
        .text(text_of(s.speaker))
        .text(text_of(s.topic))
        .text(text_of(s.proposition))
        .text(std::string(to_string(s.kind)))
        .text(std::string(to_string(s.breadth)))
        .text(std::string(to_string(s.basis)))
        .text(text_of(s.reported_by))
        .real(s.confidence)
        .text(joined_lines(s.cues))
        .text(s.lexicon_sha256)
        .text(s.created_at)
        .text(std::string(to_string(s.status)))
        .text(text_of(s.stance))
        .text(s.reviewer)
        .text(s.reviewed_at)
        .text(s.reason);
    db.query("INSERT INTO suggestion (id, document_id, span_start, span_end, actor, speaker, topic, proposition, kind, "
             "breadth, basis, reported_by, confidence, cues, lexicon_sha256, created_at, status, stance, reviewer, "
             "reviewed_at, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
             "$17, $18, $19, $20, $21) ON CONFLICT (id) DO UPDATE SET document_id = $2, span_start = $3, "
             "span_end = $4, actor = $5, speaker = $6, topic = $7, proposition = $8, kind = $9, breadth = $10, "
             "basis = $11, reported_by = $12, confidence = $13, cues = $14, lexicon_sha256 = $15, created_at = $16, "
             "status = $17, stance = $18, reviewer = $19, reviewed_at = $20, reason = $21",
             params);
    return id;
}

std::vector<Suggestion> pg_read_suggestions(PgConnection& db, const SuggestionFilter& filter) {
    std::string sql = suggestion_select;
    PgParams params;
    if (filter.id) {
        sql += fmt::format(" AND s.id = ${}", params.next());
        params.integer(*filter.id);
    }
    if (filter.document) {
        sql += fmt::format(" AND d.slug = ${}", params.next());
        params.text(filter.document->str());
    }
    if (filter.status) {
        sql += fmt::format(" AND s.status = ${}", params.next());
        params.text(std::string(to_string(*filter.status)));
    }
    sql += fmt::format(" AND s.confidence >= ${} ORDER BY s.id", params.next());
    params.real(filter.min_confidence);
    const PgResult rows = db.query(sql, params);
    std::vector<Suggestion> result;
    result.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row) {
        result.push_back(read_suggestion(rows, row));
    }
    return result;
}

} // namespace stance::detail
