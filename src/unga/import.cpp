// import_unga: the unvotes tables (and optionally the 2016 full-codes release) into a Store.
//
// Roll calls and issues are small and read whole; the vote tables are streamed row by row, so memory
// stays flat however long the history. What is kept per roll call is one small cell per actor (the
// line and kind of its vote), used to refuse duplicate votes and to merge the full-codes release.
#include "stance/unga/import.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <unordered_map>

#include <fmt/format.h>

#include "io/sha256_stream.hpp"
#include "stance/error.hpp"
#include "stance/io/csv.hpp"
#include "stance/store/store.hpp"
#include "stance/text/utf8.hpp"

namespace stance {

MeetingId unga_session_meeting(int session) {
    return MeetingId{fmt::format("unga-{}", session)};
}

MeetingId unga_date_meeting(int session, const Date& date) {
    return MeetingId{fmt::format("unga-{}-{}", session, date.iso())};
}

AgendaItemId unga_roll_call_item(std::int64_t rcid) {
    return AgendaItemId{fmt::format("unga-rc-{}", rcid)};
}

TopicId unga_issue_topic(std::string_view code) {
    return TopicId{fmt::format("unga-{}", code)};
}

StanceId unga_vote_stance(std::int64_t rcid, const ActorId& actor) {
    return StanceId{fmt::format("unga-{}-{}", rcid, actor.str())};
}

std::optional<int> unga_session_of(const MeetingId& meeting) {
    std::string_view text = meeting.str();
    if (!text.starts_with("unga-")) {
        return std::nullopt;
    }
    text.remove_prefix(5);
    int session = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), session);
    if (error != std::errc{} || session <= 0 || (end != text.data() + text.size() && *end != '-')) {
        return std::nullopt;
    }
    return session;
}

namespace {

constexpr std::array<std::string_view, 4> votes_columns{"rcid", "country", "country_code", "vote"};
constexpr std::array<std::string_view, 9> roll_call_columns{"rcid",  "session", "importantvote", "date", "unres",
                                                            "amend", "para",    "short",         "descr"};
constexpr std::array<std::string_view, 3> issue_columns{"rcid", "short_name", "issue"};
constexpr std::array<std::string_view, 5> full_codes_columns{"rcid", "session", "ccode", "member", "vote"};
constexpr std::array<std::string_view, 6> ccode_columns{
    "ccode", "country", "country_code", "matched_votes", "ccode_votes_yes_abst_no", "f1_match"};

constexpr std::uint64_t progress_every = 100'000;

// The tables stance ships (data/unvotes, data/voeten_unvotes_2016): SHA-256 of the uncompressed CSV.
// A file with another hash is imported all the same, but its document says it is a different copy.
struct KnownTable {
    std::string_view file;
    std::string_view sha256;
    std::string_view origin;
};

constexpr std::string_view unvotes_origin =
    "R package unvotes 0.3.0 (github.com/cran/unvotes, commit 73ca68e96bcb8dafef6686aad11fb810bf97be15, "
    "data/{}.rda converted to CSV; shipped as data/unvotes/{}.csv.gz). Data: Erik Voeten, United Nations General "
    "Assembly Voting Data, Harvard Dataverse hdl:1902.1/12379, CC0.";
constexpr std::string_view voeten_origin =
    "Erik Voeten, United Nations General Assembly Voting Data, 2016 release with absent and non-member codes "
    "(github.com/dgrtwo/unvotes, commit 7eb7034314ff79c49c9e0785fcd9d216fa04cf14, data-raw/UNVotesPublished.RData; "
    "columns rcid, session, ccode, member, vote; shipped as data/voeten_unvotes_2016/{}.csv.gz). Harvard Dataverse "
    "hdl:1902.1/12379, CC0.";

constexpr std::array known_tables{
    KnownTable{"un_votes", "e77ec504be20f918fe5e01247fa8fa27145d7326cab53416567e73659ff55c05", unvotes_origin},
    KnownTable{"votes_full_codes", "4242435915f441c1eb41fcfe9b4ff1fcdb7f592c928677d59d69817e18363850", voeten_origin},
};

/// Hashes every byte that passes through, so a document's SHA-256 costs no second read.
class HashingSource final : public ByteSource {
public:
    explicit HashingSource(std::unique_ptr<ByteSource> inner) : m_inner(std::move(inner)) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t count = m_inner->read(buffer, size);
        m_hash.update(buffer, count);
        return count;
    }
    [[nodiscard]] std::uint64_t position() const override { return m_inner->position(); }
    [[nodiscard]] std::uint64_t size() const override { return m_inner->size(); }

    /// The digest of everything read; call once, at the end.
    std::string hex_digest() { return m_hash.hex_digest(); }

private:
    std::unique_ptr<ByteSource> m_inner;
    detail::Sha256Stream m_hash;
};

/// `<dir>/<table>.csv.gz`, else `<dir>/<table>.csv`.
std::filesystem::path find_table(const std::filesystem::path& directory, std::string_view table) {
    for (const char* extension : {".csv.gz", ".csv"}) {
        std::filesystem::path candidate = directory / (std::string(table) + extension);
        if (std::filesystem::is_regular_file(candidate)) {
            return candidate;
        }
    }
    throw invalid_input_error(
        directory.string(),
        fmt::format("neither {0}.csv.gz nor {0}.csv is in this directory; pass the directory that holds the unvotes "
                    "tables (data/unvotes in the stance sources, or your own copy of the CSV files)",
                    table));
}

std::int64_t parse_integer(const CsvReader& reader, const CsvRecord& record, std::size_t index) {
    const std::string_view text = record.field(index);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
        throw invalid_input_error(reader.where(record, index),
                                  fmt::format("{} is \"{}\", which is not a whole number; fix or remove this row",
                                              reader.column_name(index), text));
    }
    return value;
}

std::int64_t parse_positive(const CsvReader& reader, const CsvRecord& record, std::size_t index) {
    const std::int64_t value = parse_integer(reader, record, index);
    if (value <= 0) {
        throw invalid_input_error(reader.where(record, index),
                                  fmt::format("{} is {}, but it must be a positive number; fix or remove this row",
                                              reader.column_name(index), value));
    }
    return value;
}

/// importantvote, amend and para: 1, 0, or empty where the release did not code the roll call.
std::optional<bool> parse_flag(const CsvReader& reader, const CsvRecord& record, std::size_t index) {
    const std::string_view text = record.field(index);
    if (text.empty()) {
        return std::nullopt;
    }
    if (text == "0" || text == "1") {
        return text == "1";
    }
    throw invalid_input_error(
        reader.where(record, index),
        fmt::format("{} is \"{}\"; expected 1, 0 or nothing (not coded)", reader.column_name(index), text));
}

Date parse_date(const CsvReader& reader, const CsvRecord& record, std::size_t index) {
    const std::string_view text = record.field(index);
    if (auto date = Date::parse(text)) {
        return *date;
    }
    throw invalid_input_error(reader.where(record, index),
                              fmt::format("{} is \"{}\", which is not a date of the form YYYY-MM-DD that exists; fix "
                                          "the date",
                                          reader.column_name(index), text));
}

struct RollCall {
    std::int64_t rcid = 0;
    int session = 0;
    Date date;
    std::string code;
    std::string title;
    std::string description;
    std::vector<TopicId> topics;
    RollCallFlags flags;
    MeetingId meeting;
    AgendaItemId item;
};

/// What is known about one actor's vote on one roll call: where it was read and what it was.
struct Cast {
    std::uint32_t line = 0; // 0: none yet
    PositionKind kind = PositionKind::no_position;
};

struct VoteRow {
    std::int64_t rcid;
    PositionKind kind;
};

/// Refuses a row whose country name is not a name of the country its code stands for.
void check_name_fits(const std::string& where, std::string_view country, std::string_view code, const Date& date,
                     const Actor& actor) {
    if (code.empty() || unga_country_name_fits(country, code, date)) {
        return;
    }
    throw invalid_input_error(where, fmt::format("the country name \"{}\" does not name the country with code {} "
                                                 "({}); the code decides whose vote a row is, so fix the name or the "
                                                 "code",
                                                 country, code, actor.name));
}

std::optional<PositionKind> vote_kind(std::string_view text) {
    if (text == "yes") {
        return PositionKind::support;
    }
    if (text == "no") {
        return PositionKind::oppose;
    }
    if (text == "abstain") {
        return PositionKind::abstain;
    }
    return std::nullopt;
}

std::string_view vote_word(PositionKind kind) {
    switch (kind) {
    case PositionKind::support: return "yes";
    case PositionKind::oppose: return "no";
    case PositionKind::abstain: return "abstain";
    case PositionKind::absent: return "absent";
    case PositionKind::not_member: return "not a member";
    default: return "?";
    }
}

class UngaImporter {
public:
    UngaImporter(Store& store, const UngaProgressCallback& progress)
        : m_store(store), m_session(store.begin_import()), m_progress(progress) {}

    void read_roll_calls(const std::filesystem::path& file);
    void read_issues(const std::filesystem::path& file);
    void write_structure();
    void read_votes(const std::filesystem::path& file);
    void read_full_codes(const std::filesystem::path& directory);
    UngaImportSummary commit() {
        flush();
        remove_contradicting_aliases();
        m_session->commit();
        m_summary.actors = m_actor_ids.size();
        return m_summary;
    }

private:
    RollCall& roll_call(const CsvReader& reader, const CsvRecord& record, std::int64_t rcid);
    std::size_t actor_index(const CsvReader& reader, const CsvRecord& record, std::string_view country,
                            std::string_view code, const Date& date, std::size_t code_column);
    Cast& cast(std::int64_t rcid, std::size_t actor);
    Document document(std::string_view table, const std::filesystem::path& file, const std::string& sha256) const;
    void put_vote(const RollCall& call, std::size_t actor, PositionKind kind, const DocumentId& document,
                  const CsvRecord& record);
    void flush();
    void remove_contradicting_aliases();
    void report(const CsvReader& reader, std::uint64_t rows, bool done) const;

    const Store& m_store;
    std::unique_ptr<ImportSession> m_session;
    const UngaProgressCallback& m_progress;
    std::map<std::int64_t, RollCall> m_roll_calls;
    std::unordered_map<std::int64_t, std::vector<Cast>> m_casts;
    std::unordered_map<std::string, std::size_t> m_actor_by_key; // country + code (+ period) → index
    std::string m_actor_key;                                     // the key being looked up
    std::unordered_map<std::string, std::size_t> m_actor_by_id;
    std::vector<ActorId> m_actor_ids;
    std::map<std::string, std::string> m_issue_labels; // code → label, from the issues table
    // Votes go to the store in batches (ImportSession::put_stances); the elements are reused. They
    // are written in the order of the file, roll call by roll call: the order of the store's vote
    // table, which has its own index by actor for the analyses that read one country's votes.
    static constexpr std::size_t batch_size = 32768;
    std::vector<Stance> m_batch;
    std::size_t m_batched = 0;
    UngaImportSummary m_summary;
};

void UngaImporter::report(const CsvReader& reader, std::uint64_t rows, bool done) const {
    if (m_progress) {
        const std::string table = std::filesystem::path(reader.name()).filename().string();
        m_progress(UngaImportProgress{table, rows, reader.source().position(), reader.source().size(), done});
    }
}

RollCall& UngaImporter::roll_call(const CsvReader& reader, const CsvRecord& record, std::int64_t rcid) {
    auto found = m_roll_calls.find(rcid);
    if (found == m_roll_calls.end()) {
        throw invalid_input_error(reader.where(record, 0),
                                  fmt::format("roll call {} is not in un_roll_calls.csv; the tables must come from the "
                                              "same release (fix the rcid or use matching files)",
                                              rcid));
    }
    return found->second;
}

void UngaImporter::read_roll_calls(const std::filesystem::path& file) {
    CsvReader reader(file);
    reader.expect_header(roll_call_columns);
    CsvRecord record;
    std::map<std::int64_t, std::uint64_t> lines;
    while (reader.next(record)) {
        RollCall call;
        call.rcid = parse_positive(reader, record, 0);
        const std::int64_t session = parse_positive(reader, record, 1);
        if (session > 10'000) {
            throw invalid_input_error(reader.where(record, 1),
                                      fmt::format("{} is {}, which is no General Assembly session (they are numbered "
                                                  "from 1, one a year since 1946); fix the session",
                                                  reader.column_name(1), session));
        }
        call.session = static_cast<int>(session);
        call.date = parse_date(reader, record, 3);
        call.code = std::string(record.field(4));
        call.title = std::string(record.field(7));
        call.description = std::string(record.field(8));
        call.flags =
            RollCallFlags{parse_flag(reader, record, 2), parse_flag(reader, record, 5), parse_flag(reader, record, 6)};
        call.meeting = unga_date_meeting(call.session, call.date);
        call.item = unga_roll_call_item(call.rcid);
        if (auto [previous, added] = lines.emplace(call.rcid, record.line()); !added) {
            throw invalid_input_error(
                reader.where(record, 0),
                fmt::format("roll call {} appears twice (first on line {}); remove one of the rows", call.rcid,
                            previous->second));
        }
        m_roll_calls.emplace(call.rcid, std::move(call));
    }
    report(reader, m_roll_calls.size(), true);
}

void UngaImporter::read_issues(const std::filesystem::path& file) {
    CsvReader reader(file);
    reader.expect_header(issue_columns);
    CsvRecord record;
    std::uint64_t rows = 0;
    while (reader.next(record)) {
        ++rows;
        RollCall& call = roll_call(reader, record, parse_positive(reader, record, 0));
        const std::string code(record.field(1));
        if (code.empty() || code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") != std::string::npos) {
            throw invalid_input_error(
                reader.where(record, 1),
                fmt::format("{} is \"{}\"; an issue code is lowercase letters and digits (me, nu, "
                            "di, hr, co, ec)",
                            reader.column_name(1), code));
        }
        const std::string label(record.field(2));
        auto [known, added] = m_issue_labels.emplace(code, label);
        if (!added && known->second != label) {
            throw invalid_input_error(
                reader.where(record, 2),
                fmt::format("issue \"{}\" is labelled \"{}\" here but \"{}\" earlier; use one label "
                            "per issue code",
                            code, label, known->second));
        }
        const TopicId topic = unga_issue_topic(code);
        if (std::find(call.topics.begin(), call.topics.end(), topic) == call.topics.end()) {
            call.topics.push_back(topic);
            ++m_summary.issue_links;
        }
    }
    report(reader, rows, true);
}

// Aliases that let analysts name an issue as they would say it; the labels themselves come from the data.
std::vector<Name> issue_aliases(const std::string& code) {
    static const std::map<std::string, std::vector<Name>, std::less<>> aliases{
        {"me",
         {{"en", "Israeli-Palestinian conflict"}, {"en", "Middle East"}, {"nl", "Israëlisch-Palestijns conflict"}}},
        {"nu", {{"en", "nuclear weapons"}, {"nl", "kernwapens"}}},
        {"di", {{"en", "disarmament"}, {"en", "arms control"}, {"nl", "ontwapening"}}},
        {"hr", {{"en", "human rights"}, {"nl", "mensenrechten"}}},
        {"co", {{"en", "colonialism"}, {"en", "decolonization"}, {"nl", "dekolonisatie"}}},
        {"ec", {{"en", "economic development"}, {"en", "development"}, {"nl", "economische ontwikkeling"}}},
    };
    std::vector<Name> names{{"und", code}};
    if (auto found = aliases.find(code); found != aliases.end()) {
        names.insert(names.end(), found->second.begin(), found->second.end());
    }
    return names;
}

// The roll call's short title; 573 roll calls (1997-2017) have none, and their description
// starts with the title instead ("Jerusalem : resolution / adopted by the General Assembly").
std::string agenda_title(const RollCall& call) {
    if (!call.title.empty()) {
        return call.title;
    }
    std::string_view text = call.description;
    if (const auto colon = text.find(" : "); colon != std::string_view::npos) {
        text = text.substr(0, colon);
    }
    constexpr std::size_t longest = 120;
    if (text.size() > longest) {
        std::size_t cut = text.rfind(' ', longest);
        if (cut == std::string_view::npos) {
            cut = longest;
            while (cut > 0 && !is_char_boundary(text, cut)) {
                --cut; // never cut a UTF-8 character in two
            }
        }
        return fmt::format("{}...", text.substr(0, cut));
    }
    return text.empty() ? fmt::format("Roll call {}", call.rcid) : std::string(text);
}

void UngaImporter::write_structure() {
    ImportSession& session = *m_session;
    session.put(Actor{united_nations,
                      ActorKind::organisation,
                      "United Nations",
                      "",
                      "",
                      {{"en", "UN"},
                       {"nl", "Verenigde Naties"},
                       {"fr", "Organisation des Nations unies"},
                       {"de", "Vereinte Nationen"},
                       {"es", "Naciones Unidas"}}});
    session.put(Body{unga_body,
                     "United Nations General Assembly",
                     {{"en", "UNGA"},
                      {"en", "General Assembly"},
                      {"nl", "Algemene Vergadering van de Verenigde Naties"},
                      {"fr", "Assemblée générale des Nations unies"}},
                     united_nations});
    session.put(Topic{unga_resolutions_topic,
                      {},
                      "UN General Assembly resolutions and motions",
                      {{"en", "UNGA votes"}, {"en", "UN votes"}},
                      std::nullopt,
                      {}});
    for (const auto& [code, label] : m_issue_labels) {
        session.put(
            Topic{unga_issue_topic(code), {unga_resolutions_topic}, label, issue_aliases(code), std::nullopt, {}});
    }

    // Sessions run from their first roll call to their last (a meeting inside another falls within
    // its days); dates are meetings under their session.
    std::map<int, std::pair<Date, Date>> session_days;
    std::map<MeetingId, const RollCall*> date_meetings;
    for (const auto& [rcid, call] : m_roll_calls) {
        auto [days, added] = session_days.emplace(call.session, std::pair{call.date, call.date});
        days->second.first = std::min(days->second.first, call.date);
        days->second.second = std::max(days->second.second, call.date);
        date_meetings.emplace(call.meeting, &call);
    }
    for (const auto& [session_number, days] : session_days) {
        session.put(Meeting{unga_session_meeting(session_number), unga_body,
                            fmt::format("UN General Assembly, session {}", session_number), "plenary", days.first, "",
                            std::nullopt, days.second});
    }
    for (const auto& [id, call] : date_meetings) {
        session.put(Meeting{
            id, unga_body,
            fmt::format("UN General Assembly, session {}: roll-call votes of {}", call->session, call->date.iso()),
            "plenary", call->date, "", unga_session_meeting(call->session), std::nullopt});
    }
    std::map<MeetingId, int> order;
    for (const auto& [rcid, call] : m_roll_calls) {
        const std::string title = agenda_title(call);
        session.put(AgendaItem{call.item, call.meeting, ++order[call.meeting], title, call.code, call.description,
                               call.topics, call.flags});
    }
    m_summary.sessions = session_days.size();
    m_summary.meetings = date_meetings.size();
    m_summary.roll_calls = m_roll_calls.size();
}

std::size_t UngaImporter::actor_index(const CsvReader& reader, const CsvRecord& record, std::string_view country,
                                      std::string_view code, const Date& date, std::size_t code_column) {
    // Only "YU" depends on the date, so the cache key needs the period for it alone. The key's
    // buffer is reused: this runs for every vote, and almost always finds the actor.
    std::string& key = m_actor_key;
    key.assign(country);
    key += '\x1f';
    key += code;
    if (code == "YU") {
        key += date < Date{2000, 11, 1} ? "\x1f<2000" : "\x1f>=2000";
    }
    if (auto found = m_actor_by_key.find(key); found != m_actor_by_key.end()) {
        return found->second;
    }
    std::optional<Actor> actor = unga_country_actor(country, code, date);
    if (!actor) {
        throw invalid_input_error(
            reader.where(record, code_column),
            code.empty()
                ? fmt::format("\"{}\" has no country code and is not one of the states stance maps by name (Federal "
                              "Republic of Germany, Yemen Arab Republic, Zanzibar); give its ISO 3166-1 alpha-2 code",
                              country)
                : fmt::format("country code \"{}\" (\"{}\") is neither a current ISO 3166-1 alpha-2 code nor a "
                              "withdrawn one stance knows (DD, YD, CS, YU; see docs/unga.md); fix the code",
                              code, country));
    }
    check_name_fits(reader.where(record, code_column), country, code, date, *actor);
    std::size_t index = 0;
    if (auto known = m_actor_by_id.find(actor->id.str()); known != m_actor_by_id.end()) {
        index = known->second;
    } else {
        index = m_actor_ids.size();
        m_actor_ids.push_back(actor->id);
        m_actor_by_id.emplace(actor->id.str(), index);
    }
    m_session->put(*actor); // also for a second name of the same actor: the store merges aliases
    m_actor_by_key.emplace(key, index);
    return index;
}

Cast& UngaImporter::cast(std::int64_t rcid, std::size_t actor) {
    std::vector<Cast>& casts = m_casts[rcid];
    if (casts.size() <= actor) {
        casts.resize(actor + 1);
    }
    return casts[actor];
}

Document UngaImporter::document(std::string_view table, const std::filesystem::path& file,
                                const std::string& sha256) const {
    Document doc;
    doc.id = DocumentId{table == "un_votes" ? "unvotes-un-votes" : "voeten-2016-votes-full-codes"};
    doc.language = "en";
    doc.author = "Erik Voeten";
    doc.path = std::filesystem::absolute(file).lexically_normal().string();
    doc.sha256 = sha256;
    doc.title = table == "un_votes"
                    ? "UN General Assembly roll-call votes 1946-2019, un_votes.csv (unvotes 0.3.0)"
                    : "UN General Assembly votes with absent and non-member codes, votes_full_codes.csv "
                      "(Voeten 2016 release)";
    for (const KnownTable& known : known_tables) {
        if (known.file == table) {
            doc.origin = known.sha256 == sha256 || sha256.empty()
                             ? fmt::format(fmt::runtime(known.origin), table, table)
                             : fmt::format("{} as read from {}; this copy differs from the table stance ships "
                                           "(its SHA-256 is not {})",
                                           table, doc.path, known.sha256);
        }
    }
    return doc;
}

void UngaImporter::put_vote(const RollCall& call, std::size_t actor, PositionKind kind, const DocumentId& document,
                            const CsvRecord& record) {
    if (m_batched == m_batch.size()) {
        m_batch.emplace_back();
    }
    Stance& stance = m_batch[m_batched++];
    stance.id = unga_vote_stance(call.rcid, m_actor_ids[actor]);
    stance.actor = m_actor_ids[actor];
    stance.topic = unga_resolutions_topic;
    stance.meeting = call.meeting;
    stance.agenda_item = call.item;
    stance.kind = kind;
    stance.score = default_score(kind);
    stance.basis = Basis::vote;
    stance.source = SourceSpan{document, static_cast<std::size_t>(record.byte_begin()),
                               static_cast<std::size_t>(record.byte_end()), std::nullopt};
    if (m_batched == batch_size) {
        flush();
    }
    switch (kind) {
    case PositionKind::support: ++m_summary.yes; break;
    case PositionKind::oppose: ++m_summary.no; break;
    case PositionKind::abstain: ++m_summary.abstain; break;
    case PositionKind::absent: ++m_summary.absent; break;
    case PositionKind::not_member: ++m_summary.not_member; break;
    default: break;
    }
}

void UngaImporter::remove_contradicting_aliases() {
    // Read inside the import: the store's reads see this session's own writes.
    for (const Actor& stored : m_store.actors()) {
        if (!m_actor_by_id.contains(stored.id.str())) {
            continue;
        }
        for (const Name& alias : stored.aliases) {
            if (unga_alias_names_another_country(stored.id, alias.text)) {
                m_session->remove(ActorAlias{stored.id, alias});
            }
        }
    }
}

void UngaImporter::flush() {
    m_session->put_stances(std::span<const Stance>(m_batch.data(), m_batched));
    m_batched = 0;
}

void UngaImporter::read_votes(const std::filesystem::path& file) {
    auto hashing = std::make_unique<HashingSource>(open_data_file(file));
    HashingSource& hash = *hashing;
    CsvReader reader(std::move(hashing), file.string());
    reader.expect_header(votes_columns);
    Document doc = document("un_votes", file, "");
    m_session->put(doc); // first without its hash, which is known only at the end

    CsvRecord record;
    std::uint64_t rows = 0;
    while (reader.next(record)) {
        const RollCall& call = roll_call(reader, record, parse_positive(reader, record, 0));
        const std::size_t actor = actor_index(reader, record, record.field(1), record.field(2), call.date, 2);
        const std::optional<PositionKind> kind = vote_kind(record.field(3));
        if (!kind) {
            throw invalid_input_error(reader.where(record, 3),
                                      fmt::format("{} is \"{}\"; expected yes, no or abstain (absent and non-member "
                                                  "codes come from the full-codes release, see docs/unga.md)",
                                                  reader.column_name(3), record.field(3)));
        }
        Cast& seen = cast(call.rcid, actor);
        if (seen.line != 0) {
            throw invalid_input_error(
                reader.where(record, 1),
                fmt::format("{} already voted on roll call {} on line {} (both rows are actor {}); "
                            "remove the duplicate row",
                            record.field(1), call.rcid, seen.line, m_actor_ids[actor].str()));
        }
        seen = Cast{static_cast<std::uint32_t>(std::min<std::uint64_t>(record.line(), UINT32_MAX)), *kind};
        put_vote(call, actor, *kind, doc.id, record);
        if (++rows % progress_every == 0) {
            report(reader, rows, false);
        }
    }
    flush();
    doc = document("un_votes", file, hash.hex_digest());
    m_session->put(doc);
    report(reader, rows, true);
}

void UngaImporter::read_full_codes(const std::filesystem::path& directory) {
    struct Country {
        std::string name;
        std::string code;
    };
    std::unordered_map<std::int64_t, Country> countries;
    {
        const std::filesystem::path file = find_table(directory, "ccode_to_country");
        CsvReader reader(file);
        reader.expect_header(ccode_columns);
        CsvRecord record;
        std::unordered_map<std::int64_t, std::uint64_t> lines;
        while (reader.next(record)) {
            const std::int64_t ccode = parse_integer(reader, record, 0);
            if (auto [previous, added] = lines.emplace(ccode, record.line()); !added) {
                throw invalid_input_error(reader.where(record, 0),
                                          fmt::format("ccode {} is listed twice, on line {} and on line {}: one code "
                                                      "would file one country's votes under another; keep one row "
                                                      "per code",
                                                      ccode, previous->second, record.line()));
            }
            Country country{std::string(record.field(1)), std::string(record.field(2))};
            // Before 2000, so that "YU" is checked against Yugoslavia; the votes' dates decide later.
            if (const auto actor = unga_country_actor(country.name, country.code, Date{1990, 1, 1})) {
                check_name_fits(reader.where(record, 2), country.name, country.code, Date{1990, 1, 1}, *actor);
            }
            countries.emplace(ccode, std::move(country));
        }
    }

    const std::filesystem::path file = find_table(directory, "votes_full_codes");
    auto hashing = std::make_unique<HashingSource>(open_data_file(file));
    HashingSource& hash = *hashing;
    CsvReader reader(std::move(hashing), file.string());
    reader.expect_header(full_codes_columns);
    Document doc = document("votes_full_codes", file, "");
    m_session->put(doc);

    std::set<std::int64_t> session_conflicts;
    CsvRecord record;
    std::uint64_t rows = 0;
    while (reader.next(record)) {
        const RollCall& call = roll_call(reader, record, parse_positive(reader, record, 0));
        // The releases number one roll call differently (4592, May 2006: session 59 here, 60 in the
        // 2021 table, which is right). The roll-call table decides; the difference is reported.
        if (const std::int64_t session = parse_positive(reader, record, 1);
            session != call.session && session_conflicts.insert(call.rcid).second) {
            m_summary.notes.push_back(fmt::format("{}:{}: roll call {} is in session {} here but in session {} in "
                                                  "un_roll_calls.csv, which is kept",
                                                  reader.name(), record.line(), call.rcid, session, call.session));
        }
        const std::int64_t ccode = parse_integer(reader, record, 2);
        const auto country = countries.find(ccode);
        if (country == countries.end()) {
            throw invalid_input_error(
                reader.where(record, 2),
                fmt::format("country code {} is not in ccode_to_country.csv; add it there", ccode));
        }
        const std::size_t actor = actor_index(reader, record, country->second.name, country->second.code, call.date, 2);
        PositionKind kind = PositionKind::no_position;
        switch (parse_integer(reader, record, 4)) {
        case 1: kind = PositionKind::support; break;
        case 2: kind = PositionKind::abstain; break;
        case 3: kind = PositionKind::oppose; break;
        case 8: kind = PositionKind::absent; break;
        case 9: kind = PositionKind::not_member; break;
        default:
            throw invalid_input_error(reader.where(record, 4),
                                      fmt::format("{} is {}; the codes are 1 yes, 2 abstain, 3 no, 8 absent, 9 not a "
                                                  "member",
                                                  reader.column_name(4), record.field(4)));
        }
        Cast& seen = cast(call.rcid, actor);
        if (is_position(kind) || (seen.line != 0 && is_position(seen.kind))) {
            // A position here must already be in un_votes.csv, the newer release, which wins.
            if (seen.kind == kind) {
                ++m_summary.full_codes_confirmed;
            } else {
                ++m_summary.full_codes_conflicts;
                if (m_summary.conflict_examples.size() < 10) {
                    m_summary.conflict_examples.push_back(
                        fmt::format("{}:{}: {} on roll call {} is \"{}\" here but \"{}\" in un_votes.csv",
                                    reader.name(), record.line(), m_actor_ids[actor].str(), call.rcid, vote_word(kind),
                                    seen.line == 0 ? "no vote" : vote_word(seen.kind)));
                }
            }
        } else if (seen.line == 0 || (seen.kind == PositionKind::not_member && kind == PositionKind::absent)) {
            // Absent implies membership, so it beats a not-member row of a predecessor's code.
            if (seen.line != 0) {
                --m_summary.not_member;
            }
            seen = Cast{static_cast<std::uint32_t>(std::min<std::uint64_t>(record.line(), UINT32_MAX)), kind};
            put_vote(call, actor, kind, doc.id, record);
        }
        if (++rows % progress_every == 0) {
            report(reader, rows, false);
        }
    }
    flush();
    doc = document("votes_full_codes", file, hash.hex_digest());
    m_session->put(doc);
    report(reader, rows, true);
}

} // namespace

UngaImportSummary import_unga(Store& store, const std::filesystem::path& directory, const UngaImportOptions& options,
                              const UngaProgressCallback& progress) {
    if (!std::filesystem::is_directory(directory)) {
        throw invalid_input_error(directory.string(), "not a directory; pass the directory that holds un_votes.csv.gz "
                                                      "(or .csv), un_roll_calls and un_roll_call_issues");
    }
    // Find every file before writing anything, so a missing table fails fast.
    const std::filesystem::path votes = find_table(directory, "un_votes");
    const std::filesystem::path roll_calls = find_table(directory, "un_roll_calls");
    const std::filesystem::path issues = find_table(directory, "un_roll_call_issues");
    if (!options.full_codes_directory.empty()) {
        (void)find_table(options.full_codes_directory, "votes_full_codes");
        (void)find_table(options.full_codes_directory, "ccode_to_country");
    }

    UngaImporter importer(store, progress);
    importer.read_roll_calls(roll_calls);
    importer.read_issues(issues);
    importer.write_structure();
    importer.read_votes(votes);
    if (!options.full_codes_directory.empty()) {
        importer.read_full_codes(options.full_codes_directory);
    }
    return importer.commit();
}

std::string read_source_bytes(const std::filesystem::path& file, std::uint64_t start, std::uint64_t end) {
    if (end < start) {
        throw invalid_input_error(file.string(), fmt::format("the span {}-{} ends before it starts", start, end));
    }
    auto source = open_data_file(file);
    std::vector<char> buffer(std::size_t{1} << 16);
    std::uint64_t position = 0;
    std::string out;
    while (position < end) {
        const std::size_t count = source->read(buffer.data(), buffer.size());
        if (count == 0) {
            throw invalid_input_error(file.string(),
                                      fmt::format("the file has {} bytes, fewer than the span {}-{} needs; is this the "
                                                  "file the database was imported from?",
                                                  position, start, end));
        }
        const std::uint64_t chunk_end = position + count;
        if (chunk_end > start) {
            const std::uint64_t from = std::max(start, position) - position;
            const std::uint64_t to = std::min(end, chunk_end) - position;
            out.append(buffer.data() + from, static_cast<std::size_t>(to - from));
        }
        position = chunk_end;
    }
    return out;
}

} // namespace stance
