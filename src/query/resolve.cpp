// Reference resolution: tiers of exact matches on folded text (and of dates within meetings), then
// a ranked list of near misses of the same kind as the reference.
#include "stance/query/resolve.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <tuple>
#include <utility>

#include <fmt/format.h>
#include <unicode/utf8.h>

#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/store/store.hpp"
#include "stance/text/fold.hpp"

namespace stance {

namespace {

// The order in which kinds of key are tried; the first tier with a match decides. `part` is a
// title (of a topic, meeting or document) that contains the reference from the start of a word.
enum class Tier : std::uint8_t { id, code, name, part };

struct Key {
    Tier tier;
    std::string folded;
};

// The days a top-level meeting spans: a date within them is a code for it.
struct Days {
    Date first;
    Date last;
};

// One resolvable entity: its id, how it is shown in error messages, and every key that names it.
struct Entry {
    std::string id;
    std::string display;
    std::vector<Key> keys;
    std::optional<Days> days;
};

// What was typed, folded, and read as a date when it is one.
struct Reference {
    std::string folded;
    std::optional<Date> date;
};

constexpr std::size_t max_candidates = 5;
constexpr std::size_t max_ambiguous_listed = 10;

std::u32string decode_utf8(std::string_view text) {
    std::u32string out;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t offset = 0;
    while (offset < length) {
        UChar32 c = 0;
        U8_NEXT(bytes, offset, length, c);
        out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
    }
    return out;
}

double day_number(const Date& date) {
    const std::chrono::year_month_day ymd{std::chrono::year{date.year()}, std::chrono::month{date.month()},
                                          std::chrono::day{date.day()}};
    return static_cast<double>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

// Days from `date` to the nearest day of `days`; 0 within them.
double days_apart(const Date& date, const Days& days) {
    if (date < days.first) {
        return day_number(days.first) - day_number(date);
    }
    if (days.last < date) {
        return day_number(date) - day_number(days.last);
    }
    return 0.0;
}

void add_key(Entry& entry, Tier tier, std::string_view text) {
    if (!text.empty()) {
        entry.keys.push_back(Key{tier, fold_for_matching(text)});
    }
}

// A title is a name, and any part of it from a word's start is a `part` key.
void add_title(Entry& entry, std::string_view text) {
    add_key(entry, Tier::name, text);
    if (!text.empty()) {
        entry.keys.push_back(Key{Tier::part, entry.keys.back().folded});
    }
}

std::string describe(const std::string& id, const std::string& name) {
    return name.empty() || name == id ? id : fmt::format("{} ({})", id, name);
}

std::vector<Entry> actor_entries(const Catalog& catalog) {
    std::vector<Entry> entries;
    entries.reserve(catalog.actors().size());
    for (const Actor& actor : catalog.actors()) {
        Entry entry{actor.id.str(), describe(actor.id.str(), actor.name), {}, std::nullopt};
        add_key(entry, Tier::id, actor.id.str());
        add_key(entry, Tier::code, actor.iso2);
        add_key(entry, Tier::code, actor.iso3);
        add_key(entry, Tier::name, actor.name);
        for (const Name& alias : actor.aliases) {
            add_key(entry, Tier::name, alias.text);
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::vector<Entry> topic_entries(const Catalog& catalog) {
    std::vector<Entry> entries;
    entries.reserve(catalog.topics().size());
    for (const Topic& topic : catalog.topics()) {
        Entry entry{topic.id.str(), describe(topic.id.str(), topic.label), {}, std::nullopt};
        add_key(entry, Tier::id, topic.id.str());
        add_title(entry, topic.label);
        for (const Name& alias : topic.aliases) {
            add_key(entry, Tier::name, alias.text);
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::vector<Entry> meeting_entries(const Catalog& catalog) {
    std::vector<Entry> entries;
    entries.reserve(catalog.meetings().size());
    for (const Meeting& meeting : catalog.meetings()) {
        const std::string date = meeting.date.iso();
        Entry entry{meeting.id.str(),
                    describe(meeting.id.str(), meeting.title.empty() ? date : date + ", " + meeting.title),
                    {},
                    std::nullopt};
        add_key(entry, Tier::id, meeting.id.str());
        // A date names the top-level meetings held that day: "2017-03-31" is the ministerial, not its
        // lunch, and "2024-09-24" the general debate of 24 to 30 September.
        if (!meeting.parent) {
            entry.days = Days{meeting.date, meeting.last_day()};
        }
        add_title(entry, meeting.title);
        entries.push_back(std::move(entry));
    }
    return entries;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

// True when `part` occurs in `key` from the start of one of its words.
bool contains_from_word_start(const std::string& key, const std::string& part) {
    for (std::size_t at = key.find(part); at != std::string::npos; at = key.find(part, at + 1)) {
        if (at == 0 || key[at - 1] == ' ' || key[at - 1] == '-' || key[at - 1] == '(') {
            return true;
        }
    }
    return false;
}

std::vector<std::string> words_of(const std::string& folded) {
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at < folded.size()) {
        const std::size_t end = std::min(folded.find_first_of(" -,:;()", at), folded.size());
        if (end - at >= 3) { // "of", "de": too common to say anything
            words.push_back(folded.substr(at, end - at));
        }
        at = end + 1;
    }
    return words;
}

// How near an entry is to a word reference, smaller is nearer: a key that starts with the
// reference, then one that contains it, then one that holds more of its words, and only then a
// typing slip within the allowance (one edit in three characters). Nothing: not near at all.
std::optional<double> word_nearness(const Entry& entry, const std::string& query, std::size_t query_length) {
    const std::vector<std::string> words = words_of(query);
    const double allowed = std::max(1.0, static_cast<double>(query_length) / 3.0);
    std::optional<double> best;
    auto consider = [&](double value) { best = best ? std::min(*best, value) : value; };
    for (const Key& key : entry.keys) {
        if (query_length >= 2 && starts_with(key.folded, query)) {
            consider(0.0);
        } else if (query_length >= 3 && key.folded.find(query) != std::string::npos) {
            consider(1.0);
        }
        const auto shared = static_cast<double>(std::count_if(words.begin(), words.end(), [&](const std::string& word) {
            return contains_from_word_start(key.folded, word);
        }));
        if (shared > 0) {
            consider(3.0 - shared / static_cast<double>(words.size()));
        }
        if (const auto distance = static_cast<double>(edit_distance(query, key.folded)); distance <= allowed) {
            consider(3.0 + distance);
        }
    }
    return best;
}

// A date reference suggests the meetings nearest to it in time, a word reference the names that
// share its words: near misses of the same kind as what was typed.
std::vector<std::string> closest(const std::vector<Entry>& entries, const Reference& reference) {
    const std::size_t query_length = decode_utf8(reference.folded).size();
    std::vector<std::pair<double, const Entry*>> ranked;
    for (const Entry& entry : entries) {
        if (reference.date) {
            if (entry.days) {
                ranked.emplace_back(days_apart(*reference.date, *entry.days), &entry);
            }
        } else if (const std::optional<double> nearness = word_nearness(entry, reference.folded, query_length)) {
            ranked.emplace_back(*nearness, &entry);
        }
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
    });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ranked.size() && i < max_candidates; ++i) {
        out.push_back(ranked[i].second->display);
    }
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

std::string_view tier_name(Tier tier) {
    switch (tier) {
    case Tier::id: return "id";
    case Tier::code: return "code";
    case Tier::name: return "name";
    case Tier::part: return "part of a title";
    }
    return "?";
}

std::string_view trimmed(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\n\r");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\n\r") - first + 1);
}

// A part of a title must be long enough to mean something: three characters at least.
constexpr std::size_t min_part_length = 3;

bool matches_in_tier(const Entry& entry, Tier tier, const Reference& reference) {
    if (tier == Tier::code && entry.days && reference.date) {
        return entry.days->first <= *reference.date && *reference.date <= entry.days->last;
    }
    if (tier == Tier::part && decode_utf8(reference.folded).size() < min_part_length) {
        return false;
    }
    return std::any_of(entry.keys.begin(), entry.keys.end(), [&](const Key& key) {
        if (key.tier != tier) {
            return false;
        }
        return tier == Tier::part ? contains_from_word_start(key.folded, reference.folded)
                                  : key.folded == reference.folded;
    });
}

// `kind` is "actor", "topic", "meeting" or "document"; `listing` the command that lists them all.
std::string resolve(std::string_view kind, std::string_view listing, const std::vector<Entry>& entries,
                    std::string_view reference) {
    const Reference typed{fold_for_matching(reference), Date::parse(trimmed(reference))};
    const std::string& query = typed.folded;
    if (query.empty()) {
        throw not_found_error(
            fmt::format("no {} given: name one by id, code or name (list them with `{}`)", kind, listing));
    }
    for (Tier tier : {Tier::id, Tier::code, Tier::name, Tier::part}) {
        std::vector<const Entry*> matches;
        for (const Entry& entry : entries) {
            if (matches_in_tier(entry, tier, typed)) {
                matches.push_back(&entry);
            }
        }
        if (matches.size() == 1) {
            return matches.front()->id;
        }
        if (matches.size() > 1) {
            // A word in thousands of UN session titles would list them all: the first ones say enough.
            std::vector<std::string> candidates;
            for (std::size_t i = 0; i < matches.size() && i < max_ambiguous_listed; ++i) {
                candidates.push_back(matches[i]->display);
            }
            const std::string more = matches.size() > candidates.size()
                                         ? fmt::format(" and {} more", matches.size() - candidates.size())
                                         : "";
            // The message is built first: argument order is unspecified and the list is moved.
            const std::string_view as = tier == Tier::code && typed.date ? "date" : tier_name(tier);
            std::string message =
                fmt::format("ambiguous {} \"{}\": as a {} it matches {} {}s: {}{}; give the id instead", kind,
                            reference, as, matches.size(), kind, join(candidates), more);
            throw not_found_error(message, std::move(candidates));
        }
    }
    std::vector<std::string> candidates = closest(entries, typed);
    if (candidates.empty()) {
        throw not_found_error(fmt::format("unknown {} \"{}\": no {} has that id, code or name, and none is close "
                                          "(list them with `{}`)",
                                          kind, reference, kind, listing));
    }
    std::string message = fmt::format("unknown {} \"{}\"; closest: {}", kind, reference, join(candidates));
    throw not_found_error(message, std::move(candidates));
}

} // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::u32string left = decode_utf8(a);
    const std::u32string right = decode_utf8(b);
    // Optimal string alignment: Levenshtein plus the swap of two neighbours ("NDL" for "NLD"), the
    // commonest typing slip. d[i][j] is the distance of left[0..i) to right[0..j).
    const std::size_t columns = right.size() + 1;
    std::vector<std::size_t> d((left.size() + 1) * columns);
    auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * columns + j]; };
    for (std::size_t i = 0; i <= left.size(); ++i) {
        at(i, 0) = i;
    }
    for (std::size_t j = 0; j <= right.size(); ++j) {
        at(0, j) = j;
    }
    for (std::size_t i = 1; i <= left.size(); ++i) {
        for (std::size_t j = 1; j <= right.size(); ++j) {
            const std::size_t cost = left[i - 1] == right[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && left[i - 1] == right[j - 2] && left[i - 2] == right[j - 1]) {
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
            }
        }
    }
    return at(left.size(), right.size());
}

std::vector<std::string> nearest_names(std::vector<std::string> names, std::string_view wanted, std::size_t count) {
    // Names that begin with what was typed come first, then names that hold it (a name typed short),
    // then the rest; each tier by edit distance.
    const std::string folded = fold_for_matching(wanted);
    std::vector<std::tuple<int, std::size_t, std::string>> ranked;
    for (std::string& name : names) {
        const std::string key = fold_for_matching(name);
        const std::size_t at = key.find(folded);
        const int tier = at == 0 ? 0 : (at != std::string::npos ? 1 : 2);
        ranked.emplace_back(tier, edit_distance(name, wanted), std::move(name));
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> result;
    for (std::size_t i = 0; i < ranked.size() && i < count; ++i) {
        result.push_back(std::move(std::get<2>(ranked[i])));
    }
    return result;
}

ActorId resolve_actor(const Catalog& catalog, std::string_view reference) {
    return ActorId{resolve("actor", "stance actors", actor_entries(catalog), reference)};
}

TopicId resolve_topic(const Catalog& catalog, std::string_view reference) {
    return TopicId{resolve("topic", "stance topics", topic_entries(catalog), reference)};
}

MeetingId resolve_meeting(const Catalog& catalog, std::string_view reference) {
    return MeetingId{resolve("meeting", "stance meetings", meeting_entries(catalog), reference)};
}

ActorId resolve_person(const Catalog& catalog, std::string_view reference) {
    ActorId actor = resolve_actor(catalog, reference); // not const: returned by move
    const Actor& found = catalog.actor(actor);
    if (found.kind != ActorKind::person) {
        throw not_found_error(fmt::format("\"{}\" is {} ({}), a {}, not a person: a speaker is the person who spoke "
                                          "(list persons with `stance actors` or `stance roles`)",
                                          reference, found.name, actor.str(), to_string(found.kind)));
    }
    return actor;
}

DocumentId resolve_document(const Store& store, std::string_view reference) {
    std::vector<Entry> entries;
    for (const Document& document : store.documents()) {
        Entry entry{document.id.str(), describe(document.id.str(), document.title), {}, std::nullopt};
        add_key(entry, Tier::id, document.id.str());
        add_title(entry, document.title);
        entries.push_back(std::move(entry));
    }
    return DocumentId{resolve("document", "stance documents", entries, reference)};
}

} // namespace stance
