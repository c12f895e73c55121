// Upserts and removals of one PostgreSQL import session; see pg_writer.hpp.
#include "store/postgres/pg_writer.hpp"

#include <utility>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/model/vote.hpp"
#include "store/entity_tables.hpp"
#include "store/postgres/pg_suggestions.hpp"

namespace stance::detail {

const char* const stance_columns =
    "slug, actor_id, speaker_id, topic_id, proposition_id, meeting_id, agenda_item_id, kind, score, breadth, quote, "
    "paraphrase, document_id, span_start, span_end, page, reported_by_id, confidence, coder, coded_at, stated_on, "
    "effective_date, note, basis";

const char* const stance_upsert_tail =
    " ON CONFLICT (slug) DO UPDATE SET actor_id = excluded.actor_id, speaker_id = excluded.speaker_id, "
    "topic_id = excluded.topic_id, proposition_id = excluded.proposition_id, meeting_id = excluded.meeting_id, "
    "agenda_item_id = excluded.agenda_item_id, kind = excluded.kind, score = excluded.score, "
    "breadth = excluded.breadth, quote = excluded.quote, paraphrase = excluded.paraphrase, "
    "document_id = excluded.document_id, span_start = excluded.span_start, span_end = excluded.span_end, "
    "page = excluded.page, reported_by_id = excluded.reported_by_id, confidence = excluded.confidence, "
    "coder = excluded.coder, coded_at = excluded.coded_at, stated_on = excluded.stated_on, "
    "effective_date = excluded.effective_date, note = excluded.note, basis = excluded.basis";

namespace {

std::string date_text(const std::optional<Date>& date) {
    return date ? date->iso() : std::string{};
}

PgParams& flag(PgParams& params, const std::optional<bool>& value) {
    return value ? params.integer(*value ? 1 : 0) : params.null();
}

/// Row ids as the text of a bigint[] parameter's elements.
std::vector<std::string> row_texts(std::span<const std::int64_t> rows) {
    std::vector<std::string> texts;
    texts.reserve(rows.size());
    for (const std::int64_t row : rows) {
        texts.push_back(std::to_string(row));
    }
    return texts;
}

} // namespace

std::optional<std::int64_t> PgWriter::optional_row_id(EntityKind kind, const std::string& slug) {
    auto& cache = m_ids[index(kind)];
    if (auto found = cache.find(slug); found != cache.end()) {
        return found->second;
    }
    const PgResult rows =
        m_db.prepared(fmt::format("SELECT id FROM {} WHERE slug = $1", table_of(kind)), PgParams().text(slug));
    if (rows.rows() == 0) {
        return std::nullopt;
    }
    const std::int64_t row = rows.integer(0, 0);
    cache.emplace(slug, row);
    return row;
}

std::int64_t PgWriter::row_id(EntityKind kind, const std::string& slug) {
    return known_row(optional_row_id(kind, slug), kind, slug);
}

bool PgWriter::known_absent(const RecordKey& key) {
    const std::optional<EntityKind> kind = slug_kind(key.kind);
    if (!kind || *kind == EntityKind::stance) {
        return false; // stances may be millions: each is asked for
    }
    auto& cache = m_ids[index(*kind)];
    // A session that puts a handful (a coder's) asks for each; an import reads them all once, at
    // its 17th ask, and counts no further: from then on `cache` holds every stored slug.
    constexpr int asked_one_by_one = 16;
    int& asked = m_asked_absent[index(*kind)];
    if (asked <= asked_one_by_one) {
        if (++asked <= asked_one_by_one) {
            return false;
        }
        const PgResult rows = m_db.query(fmt::format("SELECT slug, id FROM {}", table_of(*kind)));
        for (int row = 0; row < rows.rows(); ++row) {
            cache.emplace(rows.text(row, 0), rows.integer(row, 1));
        }
    }
    return !cache.contains(key.id);
}

void PgWriter::put_aliases(const char* table, const char* key_column, std::int64_t row,
                           const std::vector<Name>& names) {
    // Aliases accumulate across imports, so two coders' name lists merge instead of overwriting.
    // One statement for the list: the names not stored yet, each at most once, ranked after the
    // stored ones in the list's order, as inserting them one by one ranks them.
    if (names.empty()) {
        return;
    }
    std::vector<std::string> languages;
    std::vector<std::string> texts;
    for (const Name& name : names) {
        languages.push_back(name.language);
        texts.push_back(name.text);
    }
    const std::string sql =
        fmt::format("INSERT INTO {0} ({1}, language, text, rank) "
                    "SELECT $1, name.language, name.text, (SELECT count(*) FROM {0} WHERE {1} = $1) + "
                    "row_number() OVER (ORDER BY name.place) - 1 "
                    "FROM (SELECT DISTINCT ON (language, text) language, text, place "
                    "      FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS given(language, text, place) "
                    "      ORDER BY language, text, place) AS name "
                    "WHERE NOT EXISTS (SELECT 1 FROM {0} x WHERE x.{1} = $1 AND x.language = name.language AND "
                    "x.text = name.text)",
                    table, key_column);
    m_db.prepared(sql, PgParams().integer(row).text_array(languages).text_array(texts));
}

void PgWriter::put(const Document& document) {
    const PgResult rows = m_db.prepared(
        "INSERT INTO document (slug, title, language, date, author, origin, sha256, text, path) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (slug) DO UPDATE SET title = excluded.title, "
        "language = excluded.language, date = excluded.date, author = excluded.author, origin = excluded.origin, "
        "sha256 = excluded.sha256, text = excluded.text, path = excluded.path RETURNING id",
        PgParams()
            .text(document.id.str())
            .text(document.title)
            .text(document.language)
            .text(date_text(document.date))
            .text(document.author)
            .text(document.origin)
            .text(document.sha256)
            .text(document.text)
            .text(document.path));
    remember(EntityKind::document, document.id.str(), rows.integer(0, 0));
}

void PgWriter::put(const Actor& actor) {
    const PgResult rows = m_db.prepared(
        "INSERT INTO actor (slug, kind, name, iso2, iso3) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (slug) DO UPDATE "
        "SET kind = excluded.kind, name = excluded.name, iso2 = excluded.iso2, iso3 = excluded.iso3 RETURNING id",
        PgParams()
            .text(actor.id.str())
            .text(std::string(to_string(actor.kind)))
            .text(actor.name)
            .text(actor.iso2)
            .text(actor.iso3));
    const std::int64_t row = rows.integer(0, 0);
    remember(EntityKind::actor, actor.id.str(), row);
    put_aliases("actor_alias", "actor_id", row, actor.aliases);
}

void PgWriter::put(const Membership& membership) {
    m_db.prepared("INSERT INTO membership (member_id, group_id, date_from, date_to) VALUES ($1, $2, $3, $4) "
                  "ON CONFLICT (group_id, member_id, date_from) DO UPDATE SET date_to = excluded.date_to",
                  PgParams()
                      .integer(row_id(EntityKind::actor, membership.member.str()))
                      .integer(row_id(EntityKind::actor, membership.group.str()))
                      .text(date_text(membership.from))
                      .text(date_text(membership.to)));
}

void PgWriter::put(const Role& role) {
    m_db.prepared("INSERT INTO role (person_id, represents_id, title, date_from, date_to) VALUES ($1, $2, $3, $4, $5) "
                  "ON CONFLICT (person_id, represents_id, date_from) DO UPDATE SET title = excluded.title, "
                  "date_to = excluded.date_to",
                  PgParams()
                      .integer(row_id(EntityKind::actor, role.person.str()))
                      .integer(row_id(EntityKind::actor, role.represents.str()))
                      .text(role.title)
                      .text(date_text(role.from))
                      .text(date_text(role.to)));
}

void PgWriter::put(const Topic& topic) {
    std::vector<std::int64_t> parents;
    for (const TopicId& parent : topic.parents) {
        parents.push_back(row_id(EntityKind::topic, parent.str()));
    }
    const std::int64_t row =
        m_db.prepared("INSERT INTO topic (slug, label) VALUES ($1, $2) ON CONFLICT (slug) DO UPDATE "
                      "SET label = excluded.label RETURNING id",
                      PgParams().text(topic.id.str()).text(topic.label))
            .integer(0, 0);
    remember(EntityKind::topic, topic.id.str(), row);
    put_aliases("topic_alias", "topic_id", row, topic.aliases);
    m_db.prepared("DELETE FROM topic_parent WHERE topic_id = $1", PgParams().integer(row));
    for (std::size_t rank = 0; rank < parents.size(); ++rank) {
        m_db.prepared("INSERT INTO topic_parent (topic_id, parent_id, rank) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                      PgParams().integer(row).integer(parents[rank]).integer(static_cast<std::int64_t>(rank)));
    }
    m_db.prepared("DELETE FROM topic_scale_pole WHERE topic_id = $1", PgParams().integer(row));
    if (topic.scale) {
        for (const auto& [pole, labels] :
             {std::pair{"minus", &topic.scale->minus}, std::pair{"plus", &topic.scale->plus}}) {
            for (const Name& label : *labels) {
                m_db.prepared("INSERT INTO topic_scale_pole (topic_id, pole, language, text) VALUES ($1, $2, $3, $4) "
                              "ON CONFLICT (topic_id, pole, language) DO UPDATE SET text = excluded.text",
                              PgParams().integer(row).text(pole).text(label.language).text(label.text));
            }
        }
    }
    put_directions("topic_direction", "topic_id", row, topic.directions);
}

void PgWriter::put_directions(const char* table, const char* key_column, std::int64_t row,
                              const std::vector<Direction>& directions) {
    m_db.prepared(fmt::format("DELETE FROM {} WHERE {} = $1", table, key_column), PgParams().integer(row));
    std::erase_if(m_pending_directions, [&](const PendingDirection& pending) {
        return std::string_view(pending.table) == table && pending.row == row;
    });
    for (const Direction& direction : directions) {
        // A scale may be a topic written later in the same import (see sqlite_import.cpp).
        m_pending_directions.push_back(
            PendingDirection{table, key_column, row, direction.scale.str(), direction.weight});
    }
    write_known_directions();
}

void PgWriter::finish() {
    write_known_directions();
    if (!m_pending_directions.empty()) {
        (void)row_id(EntityKind::topic, m_pending_directions.front().scale); // still unknown: refused
    }
    m_votes.finish();
}

void PgWriter::write_known_directions() {
    std::vector<PendingDirection> waiting;
    for (PendingDirection& direction : m_pending_directions) {
        const std::optional<std::int64_t> scale = optional_row_id(EntityKind::topic, direction.scale);
        if (!scale) {
            waiting.push_back(std::move(direction));
            continue;
        }
        m_db.prepared(
            fmt::format("INSERT INTO {} ({}, scale_id, weight) VALUES ($1, $2, $3) ON CONFLICT ({}, scale_id) "
                        "DO UPDATE SET weight = excluded.weight",
                        direction.table, direction.key_column, direction.key_column),
            PgParams().integer(direction.row).integer(*scale).real(direction.weight));
    }
    m_pending_directions = std::move(waiting);
}

void PgWriter::put(const Proposition& proposition) {
    const std::int64_t topic = row_id(EntityKind::topic, proposition.topic.str());
    const std::int64_t row =
        m_db.prepared("INSERT INTO proposition (slug, topic_id, statement) VALUES ($1, $2, $3) ON CONFLICT (slug) DO "
                      "UPDATE SET topic_id = excluded.topic_id, statement = excluded.statement RETURNING id",
                      PgParams().text(proposition.id.str()).integer(topic).text(proposition.statement))
            .integer(0, 0);
    remember(EntityKind::proposition, proposition.id.str(), row);
    put_directions("proposition_direction", "proposition_id", row, proposition.directions);
}

void PgWriter::put(const Body& body) {
    const std::int64_t row =
        m_db.prepared("INSERT INTO body (slug, name, organisation_id) VALUES ($1, $2, $3) ON CONFLICT (slug) DO UPDATE "
                      "SET name = excluded.name, organisation_id = excluded.organisation_id RETURNING id",
                      PgParams()
                          .text(body.id.str())
                          .text(body.name)
                          .optional_integer(optional_row(EntityKind::actor, body.organisation)))
            .integer(0, 0);
    remember(EntityKind::body, body.id.str(), row);
    put_aliases("body_alias", "body_id", row, body.aliases);
}

const char* const meeting_columns = "slug, body_id, title, level, date, place, parent_id, end_date";

const char* const meeting_upsert_tail =
    " ON CONFLICT (slug) DO UPDATE SET body_id = excluded.body_id, title = excluded.title, level = excluded.level, "
    "date = excluded.date, place = excluded.place, parent_id = excluded.parent_id, end_date = excluded.end_date";

PgParams PgWriter::meeting_values(const Meeting& meeting) {
    PgParams params;
    params.text(meeting.id.str())
        .integer(row_id(EntityKind::body, meeting.body.str()))
        .text(meeting.title)
        .text(meeting.level)
        .text(meeting.date.iso())
        .text(meeting.place)
        .optional_integer(optional_row(EntityKind::meeting, meeting.parent))
        .text(date_text(meeting.end_date));
    return params;
}

void PgWriter::put(const Meeting& meeting) {
    static const std::string sql = fmt::format("INSERT INTO meeting ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8){} "
                                               "RETURNING id, xmax = 0",
                                               meeting_columns, meeting_upsert_tail);
    const PgResult written = m_db.prepared(sql, meeting_values(meeting));
    const std::int64_t row = written.integer(0, 0);
    remember(EntityKind::meeting, meeting.id.str(), row);
    m_meeting_dates[row] = meeting.date.iso();
    // One the upsert inserted (xmax 0) has no stances to re-date.
    if (written.text(0, 1) != "t") {
        redate_stances(std::span(&row, 1));
    }
}

void PgWriter::redate_stances(std::span<const std::int64_t> meetings) {
    // A re-dated meeting re-dates the stances that take their date from it.
    m_db.prepared("UPDATE stance s SET effective_date = m.date FROM meeting m WHERE m.id = ANY($1::bigint[]) AND "
                  "s.meeting_id = m.id AND s.stated_on = '' AND s.effective_date <> m.date",
                  PgParams().text_array(row_texts(meetings)));
}

const char* const agenda_item_columns =
    "slug, meeting_id, ord, title, code, description, important, amendment, paragraph";

const char* const agenda_item_upsert_tail =
    " ON CONFLICT (slug) DO UPDATE SET meeting_id = excluded.meeting_id, ord = excluded.ord, title = excluded.title, "
    "code = excluded.code, description = excluded.description, important = excluded.important, "
    "amendment = excluded.amendment, paragraph = excluded.paragraph";

PgParams PgWriter::agenda_item_values(const AgendaItem& item, std::int64_t meeting) {
    PgParams params;
    params.text(item.id.str())
        .integer(meeting)
        .integer(item.order)
        .text(item.title)
        .text(item.code)
        .text(item.description);
    flag(params, item.roll_call.important);
    flag(params, item.roll_call.amendment);
    flag(params, item.roll_call.paragraph);
    return params;
}

std::vector<std::string> PgWriter::topic_rows(const AgendaItem& item) {
    std::vector<std::string> rows;
    rows.reserve(item.topics.size());
    for (const TopicId& topic : item.topics) {
        rows.push_back(std::to_string(row_id(EntityKind::topic, topic.str())));
    }
    return rows;
}

void PgWriter::put(const AgendaItem& item) {
    const std::int64_t meeting = row_id(EntityKind::meeting, item.meeting.str());
    PgParams params = agenda_item_values(item, meeting);
    const std::vector<std::string> topics = topic_rows(item);
    params.text_array(topics);
    // One statement for a new item and its topics: a row the upsert inserted (xmax 0: no
    // transaction replaced it) has no topics to take away, so they go in beside it.
    static const std::string sql = fmt::format(
        "WITH item AS (INSERT INTO agenda_item ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9){} "
        "RETURNING id, xmax = 0 AS inserted), "
        "topics AS (INSERT INTO agenda_item_topic (agenda_item_id, topic_id) SELECT DISTINCT item.id, topic "
        "FROM item, unnest($10::bigint[]) AS topic WHERE item.inserted) "
        "SELECT id, inserted FROM item",
        agenda_item_columns, agenda_item_upsert_tail);
    const PgResult written = m_db.prepared(sql, params);
    const std::int64_t row = written.integer(0, 0);
    remember(EntityKind::agenda_item, item.id.str(), row);
    m_item_meetings[row] = meeting;
    if (written.text(0, 1) != "t") { // a stored item: its topics are replaced
        replace_item_topics(std::span(&row, 1), std::span(&topics, 1));
    }
}

void PgWriter::replace_item_topics(std::span<const std::int64_t> rows,
                                   std::span<const std::vector<std::string>> topics) {
    m_db.prepared("DELETE FROM agenda_item_topic WHERE agenda_item_id = ANY($1::bigint[])",
                  PgParams().text_array(row_texts(rows)));
    insert_item_topics(rows, topics);
}

void PgWriter::insert_item_topics(std::span<const std::int64_t> rows,
                                  std::span<const std::vector<std::string>> topics) {
    std::vector<std::string> item_of_pair;
    std::vector<std::string> topic_of_pair;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        for (const std::string& topic : topics[i]) {
            item_of_pair.push_back(std::to_string(rows[i]));
            topic_of_pair.push_back(topic);
        }
    }
    if (item_of_pair.empty()) {
        return;
    }
    m_db.prepared("INSERT INTO agenda_item_topic (agenda_item_id, topic_id) SELECT DISTINCT item, topic "
                  "FROM unnest($1::bigint[], $2::bigint[]) AS pair(item, topic)",
                  PgParams().text_array(item_of_pair).text_array(topic_of_pair));
}

void PgWriter::put(const Participant& participant) {
    const std::int64_t meeting = row_id(EntityKind::meeting, participant.meeting.str());
    const std::int64_t actor = row_id(EntityKind::actor, participant.actor.str());
    const std::optional<std::int64_t> person = optional_row(EntityKind::actor, participant.person);
    // No natural key with NULLs in a UNIQUE, so replace by hand, as the SQLite store does.
    m_db.prepared("DELETE FROM participant WHERE meeting_id = $1 AND actor_id = $2 AND "
                  "person_id IS NOT DISTINCT FROM $3::bigint",
                  PgParams().integer(meeting).integer(actor).optional_integer(person));
    m_db.prepared("INSERT INTO participant (meeting_id, actor_id, person_id, role) VALUES ($1, $2, $3, $4)",
                  PgParams().integer(meeting).integer(actor).optional_integer(person).text(participant.role));
}

std::string PgWriter::effective_date(const Stance& stance, std::int64_t meeting) {
    if (stance.stated_on) {
        return stance.stated_on->iso();
    }
    if (auto known = m_meeting_dates.find(meeting); known != m_meeting_dates.end()) {
        return known->second;
    }
    std::string date = m_db.prepared("SELECT date FROM meeting WHERE id = $1", PgParams().integer(meeting)).text(0, 0);
    m_meeting_dates[meeting] = date;
    return date;
}

PgParams PgWriter::stance_values(const Stance& stance) {
    const std::int64_t meeting = row_id(EntityKind::meeting, stance.meeting.str());
    PgParams values;
    values.text(stance.id.str())
        .integer(row_id(EntityKind::actor, stance.actor.str()))
        .optional_integer(optional_row(EntityKind::actor, stance.speaker))
        .integer(row_id(EntityKind::topic, stance.topic.str()))
        .optional_integer(optional_row(EntityKind::proposition, stance.proposition))
        .integer(meeting)
        .optional_integer(optional_row(EntityKind::agenda_item, stance.agenda_item))
        .text(std::string(to_string(stance.kind)))
        .real(stance.score)
        .text(std::string(to_string(stance.breadth)))
        .text(stance.quote)
        .text(stance.paraphrase);
    if (stance.source) {
        values.integer(row_id(EntityKind::document, stance.source->document.str()))
            .integer(static_cast<std::int64_t>(stance.source->start))
            .integer(static_cast<std::int64_t>(stance.source->end));
        if (stance.source->page) {
            values.integer(*stance.source->page);
        } else {
            values.null();
        }
    } else {
        values.null().null().null().null();
    }
    values.optional_integer(optional_row(EntityKind::actor, stance.reported_by))
        .real(stance.confidence)
        .text(stance.coder)
        .text(stance.coded_at)
        .text(date_text(stance.stated_on))
        .text(effective_date(stance, meeting))
        .text(stance.note)
        .text(std::string(to_string(stance.basis)));
    return values;
}

std::int64_t PgWriter::meeting_of_item(std::int64_t agenda_item) {
    if (auto known = m_item_meetings.find(agenda_item); known != m_item_meetings.end()) {
        return known->second;
    }
    const std::int64_t meeting =
        m_db.prepared("SELECT meeting_id FROM agenda_item WHERE id = $1", PgParams().integer(agenda_item))
            .integer(0, 0);
    m_item_meetings[agenda_item] = meeting;
    return meeting;
}

std::optional<PgVote> PgWriter::as_vote(const Stance& stance) {
    if (!is_vote_shaped(stance)) {
        return std::nullopt;
    }
    const std::int64_t item = row_id(EntityKind::agenda_item, stance.agenda_item->str());
    if (meeting_of_item(item) != row_id(EntityKind::meeting, stance.meeting.str())) {
        return std::nullopt;
    }
    const std::string& slug = stance.id.str();
    if (!m_votes.accept_prefix(item, std::string_view(slug).substr(0, slug.size() - stance.actor.str().size()))) {
        return std::nullopt;
    }
    PgVote vote;
    vote.agenda_item = item;
    vote.actor = row_id(EntityKind::actor, stance.actor.str());
    vote.vote = *vote_code(stance.kind);
    vote.topic = row_id(EntityKind::topic, stance.topic.str());
    if (stance.source) {
        vote.document = row_id(EntityKind::document, stance.source->document.str());
        vote.span_start = static_cast<std::int64_t>(stance.source->start);
        vote.span_length = static_cast<std::int64_t>(stance.source->end - stance.source->start);
    }
    vote.slug = slug;
    return vote;
}

void PgWriter::put(const Stance& stance) {
    if (std::optional<PgVote> vote = as_vote(stance)) {
        m_votes.write_one(*vote);
        return;
    }
    m_votes.erase(stance.id.str()); // a vote of this id, if any, becomes this stance
    m_votes.general_written();
    static const std::string sql =
        fmt::format("INSERT INTO stance ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
                    "$15, $16, $17, $18, $19, $20, $21, $22, $23, $24){}",
                    stance_columns, stance_upsert_tail);
    m_db.prepared(sql, stance_values(stance));
    put_includes(stance.id.str(), stance.includes);
}

void PgWriter::put_includes(const std::string& slug, const std::vector<ActorId>& members) {
    m_db.prepared("DELETE FROM stance_include WHERE stance_id = (SELECT id FROM stance WHERE slug = $1)",
                  PgParams().text(slug));
    for (const ActorId& member : members) {
        m_db.prepared("INSERT INTO stance_include (stance_id, actor_id) SELECT id, $2 FROM stance WHERE slug = $1 "
                      "ON CONFLICT DO NOTHING",
                      PgParams().text(slug).integer(row_id(EntityKind::actor, member.str())));
    }
}

void PgWriter::remove(const ActorAlias& alias) {
    m_db.prepared("DELETE FROM actor_alias WHERE actor_id = (SELECT id FROM actor WHERE slug = $1) AND language = $2 "
                  "AND text = $3",
                  PgParams().text(alias.actor.str()).text(alias.name.language).text(alias.name.text));
}

std::int64_t PgWriter::put(const Suggestion& suggestion) {
    return pg_write_suggestion(m_db, suggestion);
}

void PgWriter::remove(const RecordKey& key) {
    if (key.kind == RecordKind::suggestion) {
        m_db.prepared("DELETE FROM suggestion WHERE id = $1", PgParams().integer(std::stoll(key.id)));
        return;
    }
    if (const char* sql = delete_by_parts(key.kind)) {
        std::vector<std::string> parts = split_record_id(key.id);
        parts.resize(3);
        m_db.prepared(fmt::format(fmt::runtime(sql), "$1", "$2", "$3", "IS NOT DISTINCT FROM"),
                      PgParams().text(parts[0]).text(parts[1]).text(parts[2]));
        return;
    }
    const std::optional<EntityKind> kind = slug_kind(key.kind);
    if (!kind) {
        return;
    }
    if (*kind == EntityKind::stance) {
        m_votes.erase(key.id); // the stance is a vote, or a general stance, not both
    }
    if (*kind == EntityKind::agenda_item) {
        if (auto row = m_ids[index(*kind)].find(key.id); row != m_ids[index(*kind)].end()) {
            m_votes.forget(row->second);
        } else if (const std::optional<std::int64_t> stored = optional_row_id(*kind, key.id)) {
            m_votes.forget(*stored);
        }
    }
    m_db.prepared(fmt::format("DELETE FROM {} WHERE slug = $1", table_of(*kind)), PgParams().text(key.id));
    m_ids[index(*kind)].erase(key.id);
}

} // namespace stance::detail
