// Reading stances from the general and the vote table; see stance_reads.hpp.
#include "store/stance_reads.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/model/vote.hpp"
#include "stance/query/search_text.hpp"
#include "store/columns.hpp"
#include "store/fts5_query.hpp"

namespace stance::detail {

const char* const general_stance_select = R"sql(
SELECT s.slug, a.slug, sp.slug, t.slug, p.slug, m.slug, ai.slug, s.kind, s.score, s.breadth, s.quote,
       s.paraphrase, d.slug, s.span_start, s.span_end, s.page, rb.slug, s.confidence, s.coder, s.coded_at,
       NULLIF(s.stated_on, ''),
       (SELECT group_concat(ia.slug, char(31)) FROM stance_include si JOIN actor ia ON ia.id = si.actor_id
         WHERE si.stance_id = s.id),
       s.note, s.basis, s.effective_date
FROM stance s
JOIN actor a ON a.id = s.actor_id
LEFT JOIN actor sp ON sp.id = s.speaker_id
JOIN topic t ON t.id = s.topic_id
LEFT JOIN proposition p ON p.id = s.proposition_id
JOIN meeting m ON m.id = s.meeting_id
LEFT JOIN agenda_item ai ON ai.id = s.agenda_item_id
LEFT JOIN document d ON d.id = s.document_id
LEFT JOIN actor rb ON rb.id = s.reported_by_id
WHERE 1 = 1)sql";

// Votes as integers, the names behind them from KeyNames; in the order of the general select's
// first two keys (date, meeting), the third (id) sorted per meeting in read_votes.
constexpr const char* vote_integer_select = R"sql(
SELECT v.agenda_item_id, v.actor_id, v.vote, v.topic_id, v.document_id, v.span_start, v.span_length, ai.meeting_id
FROM vote v
JOIN agenda_item ai ON ai.id = v.agenda_item_id
JOIN meeting m ON m.id = ai.meeting_id
WHERE 1 = 1)sql";

// The same in stance-id order, for the export: roll call by roll call in the order of their id
// prefixes (the roll call table's unique index, so nothing is sorted), each roll call's votes
// sorted by id in read_votes. CROSS JOIN keeps the roll calls the outer loop. The agenda item and
// meeting are joined only when a condition needs them (vote_conditions_need_meeting): the whole
// export needs neither, and joined they were two lookups a vote.
namespace {
std::string vote_integer_by_id_select(const StanceFilter& filter) {
    return std::string("SELECT v.agenda_item_id, v.actor_id, v.vote, v.topic_id, v.document_id, v.span_start, "
                       "v.span_length FROM roll_call rc CROSS JOIN vote v ON v.agenda_item_id = rc.agenda_item_id ") +
           (vote_conditions_need_meeting(filter) ? vote_meeting_join : "") + "WHERE 1 = 1";
}
} // namespace

const char* const vote_stance_select = R"sql(
SELECT rc.stance_prefix || a.slug, a.slug, NULL, t.slug, NULL, m.slug, ai.slug, v.vote, NULL, 'single', '', '',
       d.slug, v.span_start, v.span_start + v.span_length, NULL, NULL, 1.0, '', '', NULL, NULL, '', 'vote', m.date
FROM vote v
JOIN roll_call rc ON rc.agenda_item_id = v.agenda_item_id
JOIN agenda_item ai ON ai.id = v.agenda_item_id
JOIN meeting m ON m.id = ai.meeting_id
JOIN actor a ON a.id = v.actor_id
JOIN topic t ON t.id = v.topic_id
LEFT JOIN document d ON d.id = v.document_id
WHERE 1 = 1)sql";

namespace {

constexpr const char* actors_in = "(SELECT x.id FROM actor x, json_each(:actors) j WHERE x.slug = j.value)";
constexpr const char* topics_in = "(SELECT x.id FROM topic x, json_each(:topics) j WHERE x.slug = j.value)";
// A topic matches a stance when the stance or its agenda item carries it.
constexpr const char* items_with_topics = "(SELECT ait.agenda_item_id FROM agenda_item_topic ait"
                                          " JOIN topic x ON x.id = ait.topic_id, json_each(:topics) j"
                                          " WHERE x.slug = j.value)";
constexpr const char* meetings_in = "(SELECT x.id FROM meeting x, json_each(:meetings) j WHERE x.slug = j.value)";
constexpr const char* speakers_in = "(SELECT x.id FROM actor x, json_each(:speakers) j WHERE x.slug = j.value)";
constexpr const char* documents_in = "(SELECT x.id FROM document x, json_each(:documents) j WHERE x.slug = j.value)";

// Coders are free text, not slugs, so each is bound on its own: (:coder0, :coder1, …).
std::string coders_in(const StanceFilter& filter) {
    std::string list;
    for (std::size_t i = 0; i < filter.coders.size(); ++i) {
        list += fmt::format("{}:coder{}", i == 0 ? "" : ", ", i);
    }
    return "(" + list + ")";
}

// The search split into what must and what must not match, as FTS5 expressions (fts5_query.hpp).
struct TextMatch {
    std::string all;
    std::string excluded;
};

TextMatch text_match(const StanceFilter& filter) {
    const SearchQuery query = parse_search(filter.text);
    return TextMatch{fts5_match_all(query), fts5_match_any_excluded(query)};
}

std::string text_conditions(const StanceFilter& filter) {
    const TextMatch match = text_match(filter);
    if (match.all.empty() && match.excluded.empty()) {
        return " AND 0"; // text with no word in it: nothing quotes it
    }
    std::string sql;
    if (!match.all.empty()) {
        sql += " AND s.id IN (SELECT rowid FROM stance_text WHERE stance_text MATCH :text)";
    }
    if (!match.excluded.empty()) {
        sql += " AND s.id NOT IN (SELECT rowid FROM stance_text WHERE stance_text MATCH :text_excluded)";
    }
    return sql;
}

} // namespace

std::string general_conditions(const StanceFilter& filter) {
    std::string sql;
    if (!filter.actors.empty()) {
        sql += fmt::format(" AND (s.actor_id IN {}", actors_in);
        if (filter.include_named_members) {
            sql += " OR s.id IN (SELECT si.stance_id FROM stance_include si JOIN actor x ON x.id = si.actor_id,"
                   " json_each(:actors) j WHERE x.slug = j.value)";
        }
        sql += ")";
    }
    if (!filter.topics.empty()) {
        sql += fmt::format(" AND (s.topic_id IN {} OR s.agenda_item_id IN {})", topics_in, items_with_topics);
    }
    if (!filter.meetings.empty()) {
        sql += fmt::format(" AND s.meeting_id IN {}", meetings_in);
    }
    if (filter.from) {
        sql += " AND s.effective_date >= :from";
    }
    if (filter.to) {
        sql += " AND s.effective_date <= :to";
    }
    if (filter.positions_only) {
        sql += " AND s.kind NOT IN ('no_position', 'absent', 'not_member')";
    }
    if (!filter.bases.empty()) {
        // The names are the enum's own fixed words, so they go into the SQL text as literals.
        std::string names;
        for (Basis basis : filter.bases) {
            names += fmt::format("{}'{}'", names.empty() ? "" : ", ", to_string(basis));
        }
        sql += fmt::format(" AND s.basis IN ({})", names);
    }
    if (!filter.text.empty()) {
        sql += text_conditions(filter);
    }
    if (!filter.speakers.empty()) {
        sql += fmt::format(" AND (s.speaker_id IN {0} OR s.actor_id IN {0})", speakers_in);
    }
    if (!filter.documents.empty()) {
        sql += fmt::format(" AND s.document_id IN {}", documents_in);
    }
    if (!filter.coders.empty()) {
        sql += fmt::format(" AND s.coder IN {}", coders_in(filter));
    }
    return sql;
}

const char* const vote_meeting_join =
    "JOIN agenda_item ai ON ai.id = v.agenda_item_id JOIN meeting m ON m.id = ai.meeting_id ";

bool vote_conditions_need_meeting(const StanceFilter& filter) {
    return !filter.meetings.empty() || filter.from || filter.to;
}

// Votes have no members to name, no quote to search, their basis is vote, and their date is their meeting's.
std::string vote_conditions(const StanceFilter& filter) {
    std::string sql;
    if (!filter.bases.empty() &&
        std::find(filter.bases.begin(), filter.bases.end(), Basis::vote) == filter.bases.end()) {
        sql += " AND 0";
    }
    if (!filter.actors.empty()) {
        sql += fmt::format(" AND v.actor_id IN {}", actors_in);
    }
    if (!filter.topics.empty() && !filter.actors.empty()) {
        // One country on one topic (evolution): the topic is tested on the by-actor index, which
        // holds both the vote's topic and its roll call, and only the votes that match are fetched.
        // Tested on the table's own rows instead, SQLite fetches every vote of the country first (a
        // WITHOUT ROWID table has no deferred fetch), and most of them do not match.
        sql += fmt::format(" AND (v.agenda_item_id, v.actor_id) IN (SELECT w.agenda_item_id, w.actor_id FROM vote w"
                           " WHERE w.actor_id IN {} AND (w.topic_id IN {} OR w.agenda_item_id IN {}))",
                           actors_in, topics_in, items_with_topics);
    } else if (!filter.topics.empty()) {
        sql += fmt::format(" AND (v.topic_id IN {} OR v.agenda_item_id IN {})", topics_in, items_with_topics);
    }
    if (!filter.meetings.empty()) {
        sql += fmt::format(" AND ai.meeting_id IN {}", meetings_in);
    }
    if (filter.from) {
        sql += " AND m.date >= :from";
    }
    if (filter.to) {
        sql += " AND m.date <= :to";
    }
    if (filter.positions_only) {
        sql += fmt::format(" AND v.vote IN ({}, {}, {})", static_cast<int>(VoteCode::yes),
                           static_cast<int>(VoteCode::abstain), static_cast<int>(VoteCode::no));
    }
    if (!filter.speakers.empty()) {
        sql += fmt::format(" AND v.actor_id IN {}", speakers_in); // a vote names no speaker but its actor
    }
    if (!filter.documents.empty()) {
        sql += fmt::format(" AND v.document_id IN {}", documents_in);
    }
    if (!filter.coders.empty()) {
        // Votes carry no coder: they match only a filter that asks for the empty one. The coders are
        // bound here too, as every parameter bind_filter binds must appear in both queries.
        sql += fmt::format(" AND '' IN {}", coders_in(filter));
    }
    return sql;
}

namespace {

/// A stance read and the key it is ordered by: effective date (ISO text), meeting, id.
struct Ordered {
    Stance stance;
    std::string date;

    [[nodiscard]] bool before(const Ordered& other) const {
        return std::tie(date, stance.meeting.str(), stance.id.str()) <
               std::tie(other.date, other.stance.meeting.str(), other.stance.id.str());
    }
};

[[noreturn]] void unknown_row(const char* what, std::int64_t row) {
    throw storage_error(fmt::format("a vote refers to {} row {}, which the database does not hold: it is damaged; "
                                    "run stance check, and restore it from a backup or re-import",
                                    what, row));
}

template <class T> const T& known(const T* found, const char* what, std::int64_t row) {
    if (found == nullptr) {
        unknown_row(what, row);
    }
    return *found;
}

/// One row of the vote table as the integers it is stored as, and its roll call's meeting row.
struct VoteInts {
    std::int64_t item = 0;
    std::int64_t actor = 0;
    int vote = 0;
    std::int64_t topic = 0;
    std::optional<std::int64_t> document;
    std::int64_t span_start = 0;
    std::int64_t span_length = 0;
    std::int64_t group = 0; ///< What the stream groups by: a meeting's place in date order, or the roll call.
};

// The by-date read of a few actors' votes, without its meeting join and sort: each vote's meeting
// comes from its roll call's names, and the rows are put in date order here. Joined and sorted in
// SQL, those were two row lookups a vote and a sort, a quarter of reading one country's votes on a
// topic (an evolution). A read with no actor named (a whole history) keeps the sort in SQL, so
// that it holds no more than a group of votes at a time.
std::string vote_integers_of_actors(const StanceFilter& filter) {
    return std::string("SELECT v.agenda_item_id, v.actor_id, v.vote, v.topic_id, v.document_id, v.span_start, "
                       "v.span_length FROM vote v ") +
           (vote_conditions_need_meeting(filter) ? vote_meeting_join : "") + "WHERE 1 = 1" + vote_conditions(filter);
}

/// The votes of the vote table as stances, a group of rows at a time: the groups in date order
/// (by meeting date, then meeting id: a meeting's votes a group) or in id order (by id prefix: a
/// roll call's votes a group), the votes of a group sorted by id here.
class VoteStream {
public:
    enum class Order : unsigned char { by_date, by_id };

    VoteStream(ReadStatements& statements, const KeyNames& names, const StanceFilter& filter, Order order)
        : m_query(statements(sql_of(filter, order))), m_names(names),
          m_in_memory(order == Order::by_date && !filter.actors.empty()),
          m_group_column(order == Order::by_date ? 7 : 0) {
        bind_filter(*m_query, filter);
        m_more = m_query->executeStep();
        if (m_in_memory) {
            read_all_in_date_order();
        }
    }

    /// The next vote in order, or null at the end; valid until the next call. The votes of a group
    /// are kept in place and overwritten by the next group's, so that their strings' buffers serve
    /// again: reading a million votes then allocates next to nothing.
    const Ordered* next() {
        if (m_next == m_size) {
            read_group();
        }
        if (m_next == m_size) {
            return nullptr;
        }
        return &m_group[m_order[m_next++]];
    }

private:
    static std::string sql_of(const StanceFilter& filter, Order order) {
        if (order == Order::by_id) {
            return vote_integer_by_id_select(filter) + vote_conditions(filter) + " ORDER BY rc.stance_prefix";
        }
        if (!filter.actors.empty()) {
            return vote_integers_of_actors(filter);
        }
        return std::string(vote_integer_select) + vote_conditions(filter) + " ORDER BY m.date, m.slug";
    }

    [[nodiscard]] VoteInts current_row() const {
        SQLite::Statement& row = *m_query;
        VoteInts vote;
        vote.item = row.getColumn(0).getInt64();
        vote.actor = row.getColumn(1).getInt64();
        vote.vote = row.getColumn(2).getInt();
        vote.topic = row.getColumn(3).getInt64();
        if (const SQLite::Column document = row.getColumn(4); !document.isNull()) {
            vote.document = document.getInt64();
            vote.span_start = row.getColumn(5).getInt64();
            vote.span_length = row.getColumn(6).getInt64();
        }
        if (!m_in_memory) {
            vote.group = row.getColumn(m_group_column).getInt64();
        }
        return vote;
    }

    /// Every row of the query, grouped by meeting in the order of the meetings' dates and ids.
    void read_all_in_date_order() {
        std::unordered_map<std::int64_t, std::int64_t> meeting_of_item;
        std::vector<std::int64_t> meetings;
        for (; m_more; m_more = m_query->executeStep()) {
            VoteInts vote = current_row();
            auto [found, added] = meeting_of_item.try_emplace(vote.item);
            if (added) {
                found->second = known(m_names.roll_call(vote.item), "roll call", vote.item).meeting;
                meetings.push_back(found->second);
            }
            vote.group = found->second;
            m_rows.push_back(vote);
        }
        std::sort(meetings.begin(), meetings.end());
        meetings.erase(std::unique(meetings.begin(), meetings.end()), meetings.end());
        std::vector<const KeyNames::MeetingNames*> held;
        held.reserve(meetings.size());
        for (const std::int64_t meeting : meetings) {
            held.push_back(&known(m_names.meeting(meeting), "meeting", meeting));
        }
        std::vector<std::size_t> by_date(meetings.size());
        for (std::size_t i = 0; i < by_date.size(); ++i) {
            by_date[i] = i;
        }
        std::sort(by_date.begin(), by_date.end(), [&](std::size_t a, std::size_t b) {
            return std::tie(held[a]->date_text, held[a]->id.str()) < std::tie(held[b]->date_text, held[b]->id.str());
        });
        std::unordered_map<std::int64_t, std::int64_t> rank; // meeting row → its place in date order
        for (std::size_t place = 0; place < by_date.size(); ++place) {
            rank.emplace(meetings[by_date[place]], static_cast<std::int64_t>(place));
        }
        for (VoteInts& vote : m_rows) {
            vote.group = rank.at(vote.group);
        }
        std::stable_sort(m_rows.begin(), m_rows.end(),
                         [](const VoteInts& a, const VoteInts& b) { return a.group < b.group; });
    }

    [[nodiscard]] bool more() const { return m_in_memory ? m_row < m_rows.size() : m_more; }

    VoteInts take_row() {
        if (m_in_memory) {
            return m_rows[m_row++];
        }
        VoteInts vote = current_row();
        m_more = m_query->executeStep();
        return vote;
    }

    [[nodiscard]] std::int64_t next_group() const {
        return m_in_memory ? m_rows[m_row].group : m_query->getColumn(m_group_column).getInt64();
    }

    void read_group() {
        m_size = 0;
        m_next = 0;
        if (!more()) {
            return;
        }
        const std::int64_t group = next_group();
        while (more() && next_group() == group) {
            if (m_size == m_group.size()) {
                m_group.emplace_back();
            }
            read_vote(take_row(), m_group[m_size++]);
        }
        // The group's order is sorted, not the votes: a Stance is a dozen strings to move.
        m_order.resize(m_size);
        for (std::size_t i = 0; i < m_size; ++i) {
            m_order[i] = i;
        }
        std::sort(m_order.begin(), m_order.end(), [this](std::size_t a, std::size_t b) {
            return m_group[a].stance.id.str() < m_group[b].stance.id.str();
        });
    }

    /// `row` into `out`, a vote read before or a fresh one: every member a vote has is set.
    void read_vote(const VoteInts& row, Ordered& out) const {
        const KeyNames::RollCall& call = known(m_names.roll_call(row.item), "roll call", row.item);
        const KeyNames::MeetingNames& meeting = known(m_names.meeting(call.meeting), "meeting", call.meeting);
        Stance& stance = out.stance;
        stance.actor = known(m_names.actor(row.actor), "actor", row.actor);
        stance.id = StanceId{call.stance_prefix + stance.actor.str()};
        stance.topic = known(m_names.topic(row.topic), "topic", row.topic);
        stance.meeting = meeting.id;
        stance.agenda_item = call.item;
        stance.kind = position_kind(static_cast<VoteCode>(row.vote));
        stance.score = default_score(stance.kind);
        stance.breadth = Breadth::single;
        if (row.document) {
            SourceSpan& span = stance.source ? *stance.source : stance.source.emplace();
            span.document = known(m_names.document(*row.document), "document", *row.document);
            span.start = static_cast<std::size_t>(row.span_start);
            span.end = static_cast<std::size_t>(row.span_start + row.span_length);
            span.page.reset();
        } else {
            stance.source.reset();
        }
        stance.confidence = 1.0;
        stance.basis = Basis::vote;
        out.date = meeting.date_text;
    }

    ReadStatements::Lease m_query;
    const KeyNames& m_names;
    bool m_in_memory;
    int m_group_column;
    bool m_more = false;
    std::vector<VoteInts> m_rows; // in memory: every row, in date order
    std::size_t m_row = 0;
    std::vector<Ordered> m_group;     // the first m_size are the group being read
    std::vector<std::size_t> m_order; // the group's votes by id: indices into m_group
    std::size_t m_size = 0;
    std::size_t m_next = 0;
};

std::optional<Ordered> next_general(SQLite::Statement& query) {
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return Ordered{read_stance(query), query.getColumn(24).getString()};
}

} // namespace

void read_stances(ReadStatements& statements, const KeyNames& names, const StanceFilter& filter,
                  const std::function<void(const Stance&)>& visit) {
    // Effective date, meeting, id: columns 25, 6 and 1.
    const ReadStatements::Lease general =
        statements(std::string(general_stance_select) + general_conditions(filter) + " ORDER BY 25, 6, 1");
    bind_filter(*general, filter);
    std::optional<Ordered> from_general = next_general(*general);
    if (!filter.text.empty()) { // votes have no quote to search
        for (; from_general; from_general = next_general(*general)) {
            visit(from_general->stance);
        }
        return;
    }
    VoteStream votes(statements, names, filter, VoteStream::Order::by_date);
    const Ordered* from_votes = votes.next();
    while (from_general || from_votes != nullptr) {
        if (from_general && (from_votes == nullptr || !from_votes->before(*from_general))) {
            visit(from_general->stance);
            from_general = next_general(*general);
        } else {
            visit(from_votes->stance);
            from_votes = votes.next();
        }
    }
}

std::string general_stances_by_id(const StanceFilter& filter) {
    return general_stance_select + general_conditions(filter) + " ORDER BY s.slug";
}

void read_stances_by_id(ReadStatements& statements, const KeyNames& names, const StanceFilter& filter,
                        const std::function<void(const Stance&)>& visit) {
    const ReadStatements::Lease general = statements(general_stances_by_id(filter));
    bind_filter(*general, filter);
    std::optional<Ordered> from_general = next_general(*general);
    std::optional<VoteStream> votes; // votes have no quote to search
    if (filter.text.empty()) {
        votes.emplace(statements, names, filter, VoteStream::Order::by_id);
    }
    const Ordered* from_votes = votes ? votes->next() : nullptr;
    while (from_general || from_votes != nullptr) { // no id is in both
        if (from_general && (from_votes == nullptr || from_general->stance.id.str() < from_votes->stance.id.str())) {
            visit(from_general->stance);
            from_general = next_general(*general);
        } else {
            visit(from_votes->stance);
            from_votes = votes->next();
        }
    }
}

void bind_filter(SQLite::Statement& query, const StanceFilter& filter) {
    if (!filter.actors.empty()) {
        query.bind(":actors", json_array(filter.actors));
    }
    if (!filter.topics.empty()) {
        query.bind(":topics", json_array(filter.topics));
    }
    if (!filter.meetings.empty()) {
        query.bind(":meetings", json_array(filter.meetings));
    }
    if (filter.from) {
        query.bind(":from", filter.from->iso());
    }
    if (filter.to) {
        query.bind(":to", filter.to->iso());
    }
    if (!filter.text.empty()) {
        const TextMatch match = text_match(filter);
        if (!match.all.empty()) {
            query.bind(":text", match.all);
        }
        if (!match.excluded.empty()) {
            query.bind(":text_excluded", match.excluded);
        }
    }
    if (!filter.speakers.empty()) {
        query.bind(":speakers", json_array(filter.speakers));
    }
    if (!filter.documents.empty()) {
        query.bind(":documents", json_array(filter.documents));
    }
    for (std::size_t i = 0; i < filter.coders.size(); ++i) {
        query.bind(fmt::format(":coder{}", i), filter.coders[i]);
    }
}

Stance read_stance(SQLite::Statement& row) {
    Stance stance;
    stance.id = StanceId{row.getColumn(0).getString()};
    stance.actor = ActorId{row.getColumn(1).getString()};
    stance.speaker = optional_id<ActorId>(row.getColumn(2));
    stance.topic = TopicId{row.getColumn(3).getString()};
    stance.proposition = optional_id<PropositionId>(row.getColumn(4));
    stance.meeting = MeetingId{row.getColumn(5).getString()};
    stance.agenda_item = optional_id<AgendaItemId>(row.getColumn(6));
    if (const SQLite::Column kind = row.getColumn(7); kind.getType() == SQLITE_INTEGER) {
        stance.kind = position_kind(static_cast<VoteCode>(kind.getInt())); // a row of the vote table
    } else {
        stance.kind = parse_position_kind(kind.getString()).value_or(PositionKind::no_position);
    }
    const SQLite::Column score = row.getColumn(8);
    stance.score = score.isNull() ? default_score(stance.kind) : score.getDouble();
    stance.breadth = parse_breadth(row.getColumn(9).getString()).value_or(Breadth::single);
    stance.quote = row.getColumn(10).getString();
    stance.paraphrase = row.getColumn(11).getString();
    if (!row.getColumn(12).isNull()) {
        SourceSpan span;
        span.document = DocumentId{row.getColumn(12).getString()};
        span.start = static_cast<std::size_t>(row.getColumn(13).getInt64());
        span.end = static_cast<std::size_t>(row.getColumn(14).getInt64());
        if (!row.getColumn(15).isNull()) {
            span.page = row.getColumn(15).getInt();
        }
        stance.source = span;
    }
    stance.reported_by = optional_id<ActorId>(row.getColumn(16));
    stance.confidence = row.getColumn(17).getDouble();
    stance.coder = row.getColumn(18).getString();
    stance.coded_at = row.getColumn(19).getString();
    stance.stated_on = optional_date(row.getColumn(20));
    if (!row.getColumn(21).isNull()) {
        stance.includes = split_ids(row.getColumn(21).getString());
    }
    stance.note = row.getColumn(22).getString();
    stance.basis = parse_basis(row.getColumn(23).getString()).value_or(Basis::statement);
    return stance;
}

} // namespace stance::detail
