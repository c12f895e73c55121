// Vote rows to stances; see vote_import.hpp.
#include "unga/vote_import.hpp"

#include <algorithm>
#include <memory>
#include <set>
#include <span>
#include <string>

#include <fmt/format.h>

#include "io/csv_values.hpp"
#include "io/hashing_source.hpp"
#include "stance/error.hpp"
#include "unga/tables.hpp"
#include "unga/vote_codes.hpp"

namespace stance::unga {

namespace {

constexpr std::uint64_t progress_every = 100'000;

std::uint32_t line_of(const CsvRecord& record) {
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(record.line(), UINT32_MAX));
}

struct Country {
    std::string name;
    std::string code;
};

/// ccode_to_country: the full-codes release's numeric country codes, each with its name and ISO code.
std::unordered_map<std::int64_t, Country> read_countries(const std::filesystem::path& file) {
    std::unordered_map<std::int64_t, Country> countries;
    CsvReader reader(file);
    reader.expect_header(ccode_columns);
    CsvRecord record;
    std::unordered_map<std::int64_t, std::uint64_t> lines;
    while (reader.next(record)) {
        const std::int64_t ccode = detail::csv_integer(reader, record, 0);
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
    return countries;
}

/// A vote table being read: its rows through a hashing source, and the document it becomes, stored
/// first without its hash, which is known only at the end, then again with it.
class HashedTable {
public:
    HashedTable(ImportSession& session, std::string_view table, std::filesystem::path file,
                std::span<const std::string_view> columns)
        : m_session(session), m_table(table), m_file(std::move(file)) {
        auto hashing = std::make_unique<detail::HashingSource>(open_data_file(m_file));
        m_hash = hashing.get();
        m_reader = std::make_unique<CsvReader>(std::move(hashing), m_file.string());
        m_reader->expect_header(columns);
        Document document = table_document(table, m_file, "");
        m_document = document.id;
        m_session.put(document);
    }

    [[nodiscard]] CsvReader& reader() { return *m_reader; }
    [[nodiscard]] const DocumentId& document() const { return m_document; }

    /// Stores the document with its hash and reports the table done; after the last row.
    void finish(const UngaProgressCallback& progress, std::uint64_t rows) {
        m_session.put(table_document(m_table, m_file, m_hash->hex_digest()));
        report_progress(progress, *m_reader, rows, true);
    }

private:
    ImportSession& m_session;
    std::string_view m_table;
    std::filesystem::path m_file;
    detail::HashingSource* m_hash = nullptr; // owned by the reader
    std::unique_ptr<CsvReader> m_reader;
    DocumentId m_document;
};

} // namespace

VoteImport::VoteImport(const Store& store, ImportSession& session, const RollCalls& roll_calls,
                       const UngaProgressCallback& progress, UngaImportSummary& summary)
    : m_store(store), m_session(session), m_roll_calls(roll_calls), m_progress(progress), m_summary(summary),
      m_actors(session) {}

VoteImport::Cast& VoteImport::cast(std::int64_t rcid, std::size_t actor) {
    std::vector<Cast>& casts = m_casts[rcid];
    if (casts.size() <= actor) {
        casts.resize(actor + 1);
    }
    return casts[actor];
}

RollCallVotes& VoteImport::group_for(const RollCall& call, const DocumentId& document) {
    if (m_groups > 0 && m_group_rcid == call.rcid && m_batch[m_groups - 1].document == document) {
        return m_batch[m_groups - 1];
    }
    if (m_groups == m_batch.size()) {
        m_batch.emplace_back();
    }
    RollCallVotes& group = m_batch[m_groups++];
    group.agenda_item = call.item;
    group.meeting = call.meeting;
    group.topic = unga_resolutions_topic;
    group.stance_prefix = unga_vote_stance_prefix(call.rcid);
    group.document = document;
    group.casts.clear();
    m_group_rcid = call.rcid;
    return group;
}

void VoteImport::put_vote(const RollCall& call, std::size_t actor, PositionKind kind, const DocumentId& document,
                          const CsvRecord& record) {
    group_for(call, document)
        .casts.push_back(RollCallVotes::Cast{m_actors.id(actor), *vote_code(kind),
                                             static_cast<std::size_t>(record.byte_begin()),
                                             static_cast<std::size_t>(record.byte_end())});
    if (++m_batched == batch_size) {
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

void VoteImport::flush() {
    m_session.put_votes(std::span<const RollCallVotes>(m_batch.data(), m_groups));
    m_groups = 0;
    m_batched = 0;
}

void VoteImport::finish() {
    flush();
    // Read inside the import: the store's reads see this session's own writes.
    m_actors.remove_contradicting_aliases(m_store);
    m_summary.actors = m_actors.size();
}

void VoteImport::read_votes(const std::filesystem::path& file) {
    HashedTable table(m_session, "un_votes", file, votes_columns);
    CsvReader& reader = table.reader();

    CsvRecord record;
    std::uint64_t rows = 0;
    while (reader.next(record)) {
        const RollCall& call = roll_call_of(m_roll_calls, reader, record);
        const std::size_t actor = m_actors.index(reader, record, record.field(1), record.field(2), call.date, 2);
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
                            record.field(1), call.rcid, seen.line, m_actors.id(actor).str()));
        }
        seen = Cast{line_of(record), *kind};
        put_vote(call, actor, *kind, table.document(), record);
        if (++rows % progress_every == 0) {
            report_progress(m_progress, reader, rows, false);
        }
    }
    flush();
    table.finish(m_progress, rows);
}

void VoteImport::merge_full_code(const CsvReader& reader, const CsvRecord& record, const RollCall& call,
                                 std::size_t actor, PositionKind kind, const DocumentId& document) {
    Cast& seen = cast(call.rcid, actor);
    if (is_position(kind) || (seen.line != 0 && is_position(seen.kind))) {
        // A position here must already be in un_votes.csv, the newer release, which wins.
        if (seen.kind == kind) {
            ++m_summary.full_codes_confirmed;
        } else {
            ++m_summary.full_codes_conflicts;
            if (m_summary.conflict_examples.size() < 10) {
                m_summary.conflict_examples.push_back(
                    fmt::format(R"({}:{}: {} on roll call {} is "{}" here but "{}" in un_votes.csv)", reader.name(),
                                record.line(), m_actors.id(actor).str(), call.rcid, vote_word(kind),
                                seen.line == 0 ? "no vote" : vote_word(seen.kind)));
            }
        }
    } else if (seen.line == 0 || (seen.kind == PositionKind::not_member && kind == PositionKind::absent)) {
        // Absent implies membership, so it beats a not-member row of a predecessor's code.
        if (seen.line != 0) {
            --m_summary.not_member;
        }
        seen = Cast{line_of(record), kind};
        put_vote(call, actor, kind, document, record);
    }
}

void VoteImport::read_full_codes(const std::filesystem::path& directory) {
    const std::unordered_map<std::int64_t, Country> countries =
        read_countries(find_table(directory, "ccode_to_country"));

    const std::filesystem::path file = find_table(directory, "votes_full_codes");
    HashedTable table(m_session, "votes_full_codes", file, full_codes_columns);
    CsvReader& reader = table.reader();

    std::set<std::int64_t> session_conflicts;
    CsvRecord record;
    std::uint64_t rows = 0;
    while (reader.next(record)) {
        const RollCall& call = roll_call_of(m_roll_calls, reader, record);
        // The releases number one roll call differently (4592, May 2006: session 59 here, 60 in the
        // 2021 table, which is right). The roll-call table decides; the difference is reported.
        if (const std::int64_t session = detail::csv_positive(reader, record, 1);
            session != call.session && session_conflicts.insert(call.rcid).second) {
            m_summary.notes.push_back(fmt::format("{}:{}: roll call {} is in session {} here but in session {} in "
                                                  "un_roll_calls.csv, which is kept",
                                                  reader.name(), record.line(), call.rcid, session, call.session));
        }
        const std::int64_t ccode = detail::csv_integer(reader, record, 2);
        const auto country = countries.find(ccode);
        if (country == countries.end()) {
            throw invalid_input_error(
                reader.where(record, 2),
                fmt::format("country code {} is not in ccode_to_country.csv; add it there", ccode));
        }
        const std::size_t actor =
            m_actors.index(reader, record, country->second.name, country->second.code, call.date, 2);
        const std::optional<PositionKind> kind = full_code_kind(detail::csv_integer(reader, record, 4));
        if (!kind) {
            throw invalid_input_error(reader.where(record, 4),
                                      fmt::format("{} is {}; the codes are 1 yes, 2 abstain, 3 no, 8 absent, 9 not a "
                                                  "member",
                                                  reader.column_name(4), record.field(4)));
        }
        merge_full_code(reader, record, call, actor, *kind, table.document());
        if (++rows % progress_every == 0) {
            report_progress(m_progress, reader, rows, false);
        }
    }
    flush();
    table.finish(m_progress, rows);
}

} // namespace stance::unga
