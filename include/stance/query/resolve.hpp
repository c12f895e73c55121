// Turning what a person types into an id: "NL", "NLD", "nld", "Netherlands", "Nederland" and
// "nederland" all name the actor nld; "Rusland" names the topic russia (and the actor rus).
//
// Matching ignores case and accents (stance::fold_for_matching), so "Oekraine" finds "Oekraïne".
// A reference is tried in tiers, and the first tier that matches decides:
//   1. the id itself;
//   2. a code: ISO 3166-1 alpha-2 or alpha-3 for actors; for meetings an ISO date, naming the
//      top-level meetings that span it (from `date` to `end_date`);
//   3. the English name or label, or any alias in any language (for meetings: the title);
//   4. for topics, meetings and documents: a part of the label or title (three characters at
//      least, from the start of a word), so "Pact for the Future" finds "The Pact for the Future".
// So an exact id or code beats a name, and a whole name beats a part. When a tier matches more than
// one entity, or nothing matches, a not_found_error is thrown whose message says what was looked for
// and lists the candidates (also in candidates(), formatted "id (name)"): every match when the
// reference is ambiguous, else the closest entries of the same kind as the reference: for a date, the
// meetings nearest to it in time; for words, names that start with the reference, then those that
// contain it, then those sharing more of its words, then typing slips (edit distance).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stance/model/ids.hpp"

namespace stance {

class Catalog;
class Store;

[[nodiscard]] ActorId resolve_actor(const Catalog& catalog, std::string_view reference);
[[nodiscard]] TopicId resolve_topic(const Catalog& catalog, std::string_view reference);
[[nodiscard]] MeetingId resolve_meeting(const Catalog& catalog, std::string_view reference);
/// An actor reference that must name a person (a speaker); not_found_error says what it names instead.
[[nodiscard]] ActorId resolve_person(const Catalog& catalog, std::string_view reference);
/// A document by id or title; reads the store's documents.
[[nodiscard]] DocumentId resolve_document(const Store& store, std::string_view reference);

/// Edit distance between two strings in Unicode code points (not bytes): insertions, deletions,
/// substitutions and swaps of neighbouring characters each cost one (optimal string alignment).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The `count` of `names` nearest `wanted`, nearest first: those that begin with it (ignoring case and
/// accents), then those that hold it, then the rest, each by edit distance (equals in name order).
/// The candidates of a not-found message for names that are not entities (coders).
[[nodiscard]] std::vector<std::string> nearest_names(std::vector<std::string> names, std::string_view wanted,
                                                     std::size_t count = 5);

} // namespace stance
