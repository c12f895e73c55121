#include "store/suggestion_rows.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "stance/error.hpp"
#include "store/suggestion_json.hpp"

namespace stance::detail {

namespace {

constexpr const char* suggestion_select =
    "SELECT s.id, d.slug, s.span_start, s.span_end, s.actor, s.speaker, s.topic, s.proposition, s.kind, "
    "s.breadth, s.basis, s.reported_by, s.confidence, s.cues, s.lexicon_sha256, s.created_at, s.status, s.stance, "
    "s.reviewer, s.reviewed_at, s.reason FROM suggestion s JOIN document d ON d.id = s.document_id WHERE 1 = 1";

Suggestion read_suggestion(SQLite::Statement& row) {
    Suggestion s;
    s.id = row.getColumn(0).getInt64();
    s.document = DocumentId{row.getColumn(1).getString()};
    s.start = static_cast<std::size_t>(row.getColumn(2).getInt64());
    s.end = static_cast<std::size_t>(row.getColumn(3).getInt64());
    s.actor = ActorId{row.getColumn(4).getString()};
    s.speaker = id_or_none<ActorId>(row.getColumn(5).getString());
    s.topic = id_or_none<TopicId>(row.getColumn(6).getString());
    s.proposition = id_or_none<PropositionId>(row.getColumn(7).getString());
    s.kind = parse_position_kind(row.getColumn(8).getString()).value_or(PositionKind::neutral);
    s.breadth = parse_breadth(row.getColumn(9).getString()).value_or(Breadth::single);
    s.basis = parse_basis(row.getColumn(10).getString()).value_or(Basis::statement);
    s.reported_by = id_or_none<ActorId>(row.getColumn(11).getString());
    s.confidence = row.getColumn(12).getDouble();
    s.cues = split_lines(row.getColumn(13).getString());
    s.lexicon_sha256 = row.getColumn(14).getString();
    s.created_at = row.getColumn(15).getString();
    s.status = parse_suggestion_status(row.getColumn(16).getString()).value_or(SuggestionStatus::open);
    s.stance = id_or_none<StanceId>(row.getColumn(17).getString());
    s.reviewer = row.getColumn(18).getString();
    s.reviewed_at = row.getColumn(19).getString();
    s.reason = row.getColumn(20).getString();
    return s;
}

/// The document's row and text length, checked against the suggestion's span.
std::int64_t document_row(SQLite::Database& db, const Suggestion& suggestion) {
    SQLite::Statement query(db, "SELECT id, length(CAST(text AS BLOB)) FROM document WHERE slug = ?");
    query.bind(1, suggestion.document.str());
    const std::string entity = fmt::format("suggestion of \"{}\"", suggestion.document.str());
    if (!query.executeStep()) {
        throw invalid_input_error(entity, "the document is not in the database; add it first, then store "
                                          "suggestions for it");
    }
    const auto length = static_cast<std::size_t>(query.getColumn(1).getInt64());
    if (suggestion.end < suggestion.start || suggestion.end > length) {
        throw invalid_input_error(entity, fmt::format("the span [{}, {}) is not inside the document's {} bytes",
                                                      suggestion.start, suggestion.end, length));
    }
    return query.getColumn(0).getInt64();
}

} // namespace

std::int64_t write_suggestion(SQLite::Database& db, const Suggestion& s) {
    const std::int64_t document = document_row(db, s);
    SQLite::Statement q(
        db, "INSERT INTO suggestion (id, document_id, span_start, span_end, actor, speaker, topic, proposition, kind, "
            "breadth, basis, reported_by, confidence, cues, lexicon_sha256, created_at, status, stance, reviewer, "
            "reviewed_at, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
            "?18, ?19, ?20, ?21) ON CONFLICT (id) DO UPDATE SET document_id = ?2, span_start = ?3, span_end = ?4, "
            "actor = ?5, speaker = ?6, topic = ?7, proposition = ?8, kind = ?9, breadth = ?10, basis = ?11, "
            "reported_by = ?12, confidence = ?13, cues = ?14, lexicon_sha256 = ?15, created_at = ?16, status = ?17, "
            "stance = ?18, reviewer = ?19, reviewed_at = ?20, reason = ?21 RETURNING id");
    if (s.id != 0) {
        q.bind(1, s.id);
    }
    q.bind(2, document);
    q.bind(3, static_cast<std::int64_t>(s.start));
    q.bind(4, static_cast<std::int64_t>(s.end));
    q.bind(5, s.actor.str());
    q.bind(6, text_of(s.speaker));
    q.bind(7, text_of(s.topic));
    q.bind(8, text_of(s.proposition));
    q.bind(9, std::string(to_string(s.kind)));
    q.bind(10, std::string(to_string(s.breadth)));
    q.bind(11, std::string(to_string(s.basis)));
    q.bind(12, text_of(s.reported_by));
    q.bind(13, s.confidence);
    q.bind(14, joined_lines(s.cues));
    q.bind(15, s.lexicon_sha256);
    q.bind(16, s.created_at);
    q.bind(17, std::string(to_string(s.status)));
    q.bind(18, text_of(s.stance));
    q.bind(19, s.reviewer);
    q.bind(20, s.reviewed_at);
    q.bind(21, s.reason);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

std::vector<Suggestion> read_suggestions(SQLite::Database& db, const SuggestionFilter& filter) {
    std::string sql = suggestion_select;
    if (filter.id) {
        sql += " AND s.id = :id";
    }
    if (filter.document) {
        sql += " AND d.slug = :document";
    }
    if (filter.status) {
        sql += " AND s.status = :status";
    }
    sql += " AND s.confidence >= :confidence ORDER BY s.id";
    SQLite::Statement query(db, sql);
    if (filter.id) {
        query.bind(":id", *filter.id);
    }
    if (filter.document) {
        query.bind(":document", filter.document->str());
    }
    if (filter.status) {
        query.bind(":status", std::string(to_string(*filter.status)));
    }
    query.bind(":confidence", filter.min_confidence);
    std::vector<Suggestion> result;
    while (query.executeStep()) {
        result.push_back(read_suggestion(query));
    }
    return result;
}

} // namespace stance::detail
