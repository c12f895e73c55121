// Importing UN General Assembly roll-call votes (Erik Voeten's data, as published in the R package
// unvotes) into a store: every country's vote on every roll call becomes a stance that points at the
// CSV row it came from.
//
// The mapping (docs/unga.md): body `unga`; each session a meeting `unga-<session>`; each roll-call
// date a meeting `unga-<session>-<date>` under its session; each roll call an agenda item
// `unga-rc-<rcid>` with its resolution code, title, description and issue topics (`unga-me`,
// `unga-nu`, … under `unga-resolutions`); each vote a stance `unga-<rcid>-<actor>` (yes → support +1,
// no → oppose -1, abstain → abstain 0). With the 2016 full-codes release, absences and
// non-membership become `absent` and `not_member` stances, which are never counted as positions.
// The import is one transaction (all or nothing) and an upsert (re-importing changes nothing).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stance/io/source_bytes.hpp" // read_source_bytes: how a vote's source row is shown again
#include "stance/model/actor.hpp"
#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"

namespace stance {

class Store;

/// The ids the importer writes, so queries and tests can name them without spelling slugs.
inline const BodyId unga_body{"unga"};
inline const ActorId united_nations{"un"};
/// The parent of the issue topics and the topic of every vote stance.
inline const TopicId unga_resolutions_topic{"unga-resolutions"};

[[nodiscard]] MeetingId unga_session_meeting(int session);
[[nodiscard]] MeetingId unga_date_meeting(int session, const Date& date);
[[nodiscard]] AgendaItemId unga_roll_call_item(std::int64_t rcid);
/// `unga-<code>` for an issue code of un_roll_call_issues.csv ("me" → `unga-me`).
[[nodiscard]] TopicId unga_issue_topic(std::string_view code);
[[nodiscard]] StanceId unga_vote_stance(std::int64_t rcid, const ActorId& actor);
/// What every vote stance of roll call `rcid` starts with: its id is this followed by the actor's id.
[[nodiscard]] std::string unga_vote_stance_prefix(std::int64_t rcid);
/// The session number of a session meeting id or of a date meeting under it; nothing for other ids.
[[nodiscard]] std::optional<int> unga_session_of(const MeetingId& meeting);

/// The actor a country of the unvotes tables stands for on `date`, with the table's own name as an
/// alias. `code` is the table's ISO 3166-1 alpha-2 code, possibly empty. Rules (docs/unga.md):
/// current codes through `country_actor` (so "RU", which the data uses for the USSR too, is `rus`);
/// the Federal Republic of Germany (no code in the data) is `deu` and the Yemen Arab Republic is
/// `yem` (the states that continued their UN membership); withdrawn codes are historic states (DD
/// `ddr`, YD `ymd`, CS `csk`); "YU" is `yug` before 1 November 2000 and `srb` from then on (the
/// Federal Republic of Yugoslavia, admitted that day, is today's Serbia). Nothing when unknown.
/// Whether `country` is a name of the actor that `code` stands for on `date` (its English name, an
/// alias in any of the country-name languages, or a historic name stance knows, ignoring case and
/// accents). The code decides the actor; a row whose name contradicts it (`Netherlands,US`) is an
/// error in the table, and importing it would give the name to the wrong country for good.
/// Without a code, true when the name alone identifies a state stance knows.
[[nodiscard]] bool unga_country_name_fits(std::string_view country, std::string_view code, const Date& date);

/// Whether `alias`, found on the state `actor`, is a name of another state stance knows and not of
/// this one: what older versions of the importer added from a row that contradicted its code. The
/// importer removes such aliases from the states it imports, so importing clean tables again
/// cleans them; other aliases (from other datasets) are kept.
[[nodiscard]] bool unga_alias_names_another_country(const ActorId& actor, std::string_view alias);

[[nodiscard]] std::optional<Actor> unga_country_actor(std::string_view country, std::string_view code,
                                                      const Date& date);

struct UngaImportOptions {
    /// A directory holding votes_full_codes.csv[.gz] and ccode_to_country.csv[.gz] (the 2016 release
    /// with absent and not-member codes). Empty: import yes/no/abstain only.
    std::filesystem::path full_codes_directory;
};

/// Reported while importing, about every 100,000 rows and when a table is done.
struct UngaImportProgress {
    std::string_view table;       ///< File being read ("un_votes.csv.gz").
    std::uint64_t rows = 0;       ///< Rows of that table read so far.
    std::uint64_t bytes_read = 0; ///< Bytes of the file read so far (compressed bytes for .gz).
    std::uint64_t bytes_total = 0;
    bool done = false; ///< The table is finished.
};

using UngaProgressCallback = std::function<void(const UngaImportProgress&)>;

struct UngaImportSummary {
    std::uint64_t sessions = 0;
    std::uint64_t meetings = 0; ///< Roll-call dates (child meetings), sessions not included.
    std::uint64_t roll_calls = 0;
    std::uint64_t issue_links = 0;
    std::uint64_t actors = 0;
    std::uint64_t yes = 0;
    std::uint64_t no = 0;
    std::uint64_t abstain = 0;
    std::uint64_t absent = 0;
    std::uint64_t not_member = 0;
    /// Full-codes rows whose yes/no/abstain is already in un_votes.csv (the usual case).
    std::uint64_t full_codes_confirmed = 0;
    /// Full-codes rows that disagree with un_votes.csv; un_votes.csv (the newer release) wins.
    std::uint64_t full_codes_conflicts = 0;
    /// Up to ten of those, as "file:line: what".
    std::vector<std::string> conflict_examples;
    /// Other differences between the releases, one line each ("file:line: what"), e.g. a roll call
    /// the full-codes release puts in another session; the unvotes tables are kept.
    std::vector<std::string> notes;
};

/// Imports the unvotes tables from `directory` (un_votes, un_roll_calls, un_roll_call_issues; each
/// `.csv.gz` or `.csv`). Throws invalid_input_error naming file, line and column for bad input, and
/// leaves the store unchanged on any error.
UngaImportSummary import_unga(Store& store, const std::filesystem::path& directory,
                              const UngaImportOptions& options = {}, const UngaProgressCallback& progress = {});

} // namespace stance
