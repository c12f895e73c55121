// Reading stances from the PostgreSQL store: a filter as SQL with bound parameters, the rows
// streamed through a cursor so that a read of a million votes holds a batch at a time.
#include <string_view>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/model/vote.hpp"
#include "stance/query/search_text.hpp"
#include "store/postgres/pg_rows.hpp"
#include "store/postgres/pg_search.hpp"
#include "store/postgres/pg_stance_reads.hpp"
#include "store/postgres/pg_store.hpp"

namespace stance::detail {

namespace {

// {0}: the table or view of stance rows (alias s).
constexpr const char* stance_select = R"sql(
SELECT s.slug, a.slug, sp.slug, t.slug, p.slug, m.slug, ai.slug, s.kind, s.score, s.breadth, s.quote,
       s.paraphrase, d.slug, s.span_start, s.span_end, s.page, rb.slug, s.confidence, s.coder, s.coded_at,
       s.stated_on,
       (SELECT json_agg(ia.slug ORDER BY si.actor_id) FROM stance_include si JOIN actor ia ON ia.id = si.actor_id
         WHERE si.stance_id = s.id),
       s.note, s.basis
FROM {0} s
JOIN actor a ON a.id = s.actor_id
LEFT JOIN actor sp ON sp.id = s.speaker_id
JOIN topic t ON t.id = s.topic_id
LEFT JOIN proposition p ON p.id = s.proposition_id
JOIN meeting m ON m.id = s.meeting_id
LEFT JOIN agenda_item ai ON ai.id = s.agenda_item_id
LEFT JOIN document d ON d.id = s.document_id
LEFT JOIN actor rb ON rb.id = s.reported_by_id
WHERE true)sql";

template <class IdType> std::vector<std::string> slugs(const std::vector<IdType>& ids) {
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (const IdType& id : ids) {
        out.push_back(id.str());
    }
    return out;
}

/// "column = ANY(ARRAY(subquery))", for the conditions that are one side of an OR. Written as
/// `column IN (subquery)`, such a condition is planned as a hashed subplan tested on every row: a
/// scan of the whole stance table for one country's votes on one issue. As an array the subquery
/// runs once, before the scan, and each side of the OR uses its index (a BitmapOr).
std::string any_of(std::string_view column, std::string_view subquery) {
    return fmt::format("{} = ANY(ARRAY({}))", column, subquery);
}

/// " AND …" conditions for `filter`, their parameters added to `params` as they are written.
class FilterSql {
public:
    explicit FilterSql(PgParams& params) : m_params(params) {}

    std::string conditions(const StanceFilter& filter) {
        if (!filter.actors.empty()) {
            const std::string actors = array(slugs(filter.actors));
            m_sql +=
                fmt::format(" AND ({}", any_of("s.actor_id",
                                               fmt::format("SELECT x.id FROM actor x WHERE x.slug = ANY({})", actors)));
            if (filter.include_named_members) {
                // "s.id IS NOT NULL": a vote row's id is the constant NULL (the view vote_row), so
                // there this half folds to false and the vote table is read by its by-actor index;
                // without it the OR kept the planner to a scan of every vote (docs/benchmarks.md).
                m_sql += fmt::format(" OR (s.id IS NOT NULL AND {})",
                                     any_of("s.id", fmt::format("SELECT si.stance_id FROM stance_include si "
                                                                "JOIN actor x ON x.id = si.actor_id WHERE "
                                                                "x.slug = ANY({})",
                                                                actors)));
            }
            m_sql += ")";
        }
        if (!filter.topics.empty()) {
            // A topic matches a stance when the stance or its agenda item carries it.
            const std::string topics = array(slugs(filter.topics));
            m_sql += fmt::format(
                " AND ({} OR {})",
                any_of("s.topic_id", fmt::format("SELECT x.id FROM topic x WHERE x.slug = ANY({})", topics)),
                any_of("s.agenda_item_id", fmt::format("SELECT y.agenda_item_id FROM agenda_item_topic y JOIN topic x "
                                                       "ON x.id = y.topic_id WHERE x.slug = ANY({})",
                                                       topics)));
        }
        if (!filter.meetings.empty()) {
            m_sql += fmt::format(" AND s.meeting_id IN (SELECT x.id FROM meeting x WHERE x.slug = ANY({}))",
                                 array(slugs(filter.meetings)));
        }
        if (filter.from) {
            m_sql += fmt::format(" AND s.effective_date >= {}", text(filter.from->iso()));
        }
        if (filter.to) {
            m_sql += fmt::format(" AND s.effective_date <= {}", text(filter.to->iso()));
        }
        if (filter.positions_only) {
            m_sql += " AND s.kind NOT IN ('no_position', 'absent', 'not_member')";
        }
        if (!filter.bases.empty()) {
            std::vector<std::string> names;
            for (const Basis basis : filter.bases) {
                names.emplace_back(to_string(basis));
            }
            m_sql += fmt::format(" AND s.basis = ANY({})", array(names));
        }
        if (!filter.text.empty()) {
            add_text(filter.text);
        }
        if (!filter.speakers.empty()) {
            const std::string speakers =
                fmt::format("SELECT x.id FROM actor x WHERE x.slug = ANY({})", array(slugs(filter.speakers)));
            m_sql += fmt::format(" AND ({} OR {})", any_of("s.speaker_id", speakers), any_of("s.actor_id", speakers));
        }
        if (!filter.documents.empty()) {
            m_sql += fmt::format(" AND s.document_id IN (SELECT x.id FROM document x WHERE x.slug = ANY({}))",
                                 array(slugs(filter.documents)));
        }
        if (!filter.coders.empty()) {
            m_sql += fmt::format(" AND s.coder = ANY({})", array(filter.coders));
        }
        return m_sql;
    }

private:
    std::string text(std::string value) {
        const std::size_t number = m_params.next();
        m_params.text(std::move(value));
        return fmt::format("${}", number);
    }
    std::string array(const std::vector<std::string>& values) {
        const std::size_t number = m_params.next();
        m_params.text_array(values);
        return fmt::format("${}::text[]", number);
    }

    void add_text(const std::string& typed) {
        const SearchQuery query = parse_search(typed);
        const std::string all = tsquery_all(query);
        const std::string excluded = tsquery_any_excluded(query);
        if (all.empty() && excluded.empty()) {
            m_sql += " AND false"; // text with no word in it: nothing quotes it
            return;
        }
        // Recorded votes have no quote to search, as in the SQLite store, where they are not in its index.
        m_sql += " AND NOT (s.basis = 'vote' AND s.agenda_item_id IS NOT NULL AND s.quote = '' AND s.paraphrase = '')";
        if (!all.empty()) {
            m_sql += fmt::format(" AND s.search @@ to_tsquery('stance_search', {})", text(all));
        }
        if (!excluded.empty()) {
            m_sql += fmt::format(" AND NOT s.search @@ to_tsquery('stance_search', {})", text(excluded));
        }
    }

    PgParams& m_params;
    std::string m_sql;
};

Stance read_stance(const PgResult& rows, int row) {
    Stance stance;
    stance.id = StanceId{rows.text(row, 0)};
    stance.actor = ActorId{rows.text(row, 1)};
    if (!rows.null(row, 2)) {
        stance.speaker = ActorId{rows.text(row, 2)};
    }
    stance.topic = TopicId{rows.text(row, 3)};
    if (!rows.null(row, 4)) {
        stance.proposition = PropositionId{rows.text(row, 4)};
    }
    stance.meeting = MeetingId{rows.text(row, 5)};
    if (!rows.null(row, 6)) {
        stance.agenda_item = AgendaItemId{rows.text(row, 6)};
    }
    stance.kind = parse_position_kind(rows.text(row, 7)).value_or(PositionKind::no_position);
    stance.score = rows.real(row, 8);
    stance.breadth = parse_breadth(rows.text(row, 9)).value_or(Breadth::single);
    stance.quote = rows.text(row, 10);
    stance.paraphrase = rows.text(row, 11);
    if (!rows.null(row, 12)) {
        SourceSpan span;
        span.document = DocumentId{rows.text(row, 12)};
        span.start = static_cast<std::size_t>(rows.integer(row, 13));
        span.end = static_cast<std::size_t>(rows.integer(row, 14));
        if (!rows.null(row, 15)) {
            span.page = static_cast<int>(rows.integer(row, 15));
        }
        stance.source = span;
    }
    if (!rows.null(row, 16)) {
        stance.reported_by = ActorId{rows.text(row, 16)};
    }
    stance.confidence = rows.real(row, 17);
    stance.coder = rows.text(row, 18);
    stance.coded_at = rows.text(row, 19);
    stance.stated_on = pg_date_or_none(rows.text(row, 20));
    stance.includes = pg_json_ids<ActorId>(rows.optional_text(row, 21));
    stance.note = rows.text(row, 22);
    stance.basis = parse_basis(rows.text(row, 23)).value_or(Basis::statement);
    return stance;
}

} // namespace

std::string pg_stance_select(std::string_view source) {
    return fmt::format(fmt::runtime(stance_select), source);
}

std::string pg_filter_conditions(const StanceFilter& filter, PgParams& params) {
    return FilterSql(params).conditions(filter);
}

Stance pg_read_stance(const PgResult& rows, int row) {
    return read_stance(rows, row);
}

std::vector<Stance> PgStore::stances(const StanceFilter& filter) const {
    std::vector<Stance> result;
    for_each_stance(filter, [&](const Stance& stance) { result.push_back(stance); });
    return result;
}

void PgStore::for_each_stance(const StanceFilter& filter, const std::function<void(const Stance&)>& visit) const {
    stream_stances(filter, pg_all_stances, pg_stance_order, visit);
}

void PgStore::for_each_stance_by_id(const StanceFilter& filter, const std::function<void(const Stance&)>& visit) const {
    stream_stances(filter, pg_all_stances, " ORDER BY s.slug", visit);
}

void PgStore::stream_stances(const StanceFilter& filter, const char* source, const char* order,
                             const std::function<void(const Stance&)>& visit) const {
    static thread_local int cursors = 0; // a visitor may read stances again, inside this read
    try {
        const PgReadScope scope(*m_db);
        PgParams params;
        const std::string sql = pg_stance_select(source) + FilterSql(params).conditions(filter) + order;
        PgCursor cursor(*m_db, fmt::format("stance_rows_{}", ++cursors), sql, params);
        for (PgResult rows = cursor.fetch(); rows.rows() > 0; rows = cursor.fetch()) {
            for (int row = 0; row < rows.rows(); ++row) {
                visit(read_stance(rows, row));
            }
        }
    } catch (const PgFailure& failure) {
        rethrow_as_stance_error(failure, fmt::format("reading stances from {}", m_shown));
    }
}

// A general stance by its slug's index; else the vote of the roll call whose prefix is the greatest
// at most the id (the only one that can start it: vote_rows.hpp), by the vote table's key.
std::optional<Stance> PgStore::stance(const StanceId& id) const try {
    static const std::string general_by_id = pg_stance_select("stance") + " AND s.slug = $1";
    static const std::string vote_by_id =
        pg_stance_select(pg_votes_only) +
        " AND s.slug = $1 AND s.agenda_item_id = (SELECT agenda_item_id FROM roll_call WHERE stance_prefix <= $1 "
        "ORDER BY stance_prefix DESC LIMIT 1)";
    const PgResult general = m_db->prepared(general_by_id, PgParams().text(id.str()));
    if (general.rows() > 0) {
        return read_stance(general, 0);
    }
    const PgResult vote = m_db->prepared(vote_by_id, PgParams().text(id.str()));
    if (vote.rows() == 0) {
        return std::nullopt;
    }
    return read_stance(vote, 0);
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading stance \"{}\" from {}", id.str(), m_shown));
}

} // namespace stance::detail
