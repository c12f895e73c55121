// Reference resolution: tiers of exact matches on folded text, then a ranked list of near misses.
#include "stance/query/resolve.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include <fmt/format.h>
#include <unicode/utf8.h>

#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/text/fold.hpp"

namespace stance {

namespace {

// The order in which kinds of key are tried; the first tier with a match decides.
enum class Tier : std::uint8_t { id, code, name };

struct Key {
    Tier tier;
    std::string folded;
};

// One resolvable entity: its id, how it is shown in error messages, and every key that names it.
struct Entry {
    std::string id;
    std::string display;
    std::vector<Key> keys;
};

constexpr std::size_t max_candidates = 5;

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

void add_key(Entry& entry, Tier tier, std::string_view text) {
    if (!text.empty()) {
        entry.keys.push_back(Key{tier, fold_for_matching(text)});
    }
}

std::string describe(const std::string& id, const std::string& name) {
    return name.empty() || name == id ? id : fmt::format("{} ({})", id, name);
}

std::vector<Entry> actor_entries(const Catalog& catalog) {
    std::vector<Entry> entries;
    entries.reserve(catalog.actors().size());
    for (const Actor& actor : catalog.actors()) {
        Entry entry{actor.id.str(), describe(actor.id.str(), actor.name), {}};
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
        Entry entry{topic.id.str(), describe(topic.id.str(), topic.label), {}};
        add_key(entry, Tier::id, topic.id.str());
        add_key(entry, Tier::name, topic.label);
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
                    {}};
        add_key(entry, Tier::id, meeting.id.str());
        // A date names the day's top-level meetings: "2017-03-31" is the ministerial, not its lunch.
        if (!meeting.parent) {
            add_key(entry, Tier::code, date);
        }
        add_key(entry, Tier::name, meeting.title);
        entries.push_back(std::move(entry));
    }
    return entries;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

// How far `key` is from what was typed; prefixes and substrings count as near whatever their length.
double nearness(const std::string& query, std::size_t query_length, const std::string& key) {
    double distance = static_cast<double>(edit_distance(query, key));
    if (query_length >= 2 && starts_with(key, query)) {
        distance = std::min(distance, 0.5);
    } else if (query_length >= 3 && key.find(query) != std::string::npos) {
        distance = std::min(distance, 1.0);
    }
    return distance;
}

std::vector<std::string> closest(const std::vector<Entry>& entries, const std::string& query) {
    const std::size_t query_length = decode_utf8(query).size();
    // A typo allowance that grows with the length of the reference: one edit in three characters, at least one.
    const double allowed = std::max(1.0, static_cast<double>(query_length) / 3.0);
    std::vector<std::pair<double, const Entry*>> ranked;
    for (const Entry& entry : entries) {
        double best = allowed + 1.0;
        for (const Key& key : entry.keys) {
            best = std::min(best, nearness(query, query_length, key.folded));
        }
        if (best <= allowed) {
            ranked.emplace_back(best, &entry);
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
    }
    return "?";
}

// `kind` is "actor", "topic" or "meeting"; `listing` the command that lists them all.
std::string resolve(std::string_view kind, std::string_view listing, const std::vector<Entry>& entries,
                    std::string_view reference) {
    const std::string query = fold_for_matching(reference);
    if (query.empty()) {
        throw not_found_error(
            fmt::format("no {} given: name one by id, code or name (list them with `{}`)", kind, listing));
    }
    for (Tier tier : {Tier::id, Tier::code, Tier::name}) {
        std::vector<const Entry*> matches;
        for (const Entry& entry : entries) {
            const bool hit = std::any_of(entry.keys.begin(), entry.keys.end(),
                                         [&](const Key& key) { return key.tier == tier && key.folded == query; });
            if (hit) {
                matches.push_back(&entry);
            }
        }
        if (matches.size() == 1) {
            return matches.front()->id;
        }
        if (matches.size() > 1) {
            std::vector<std::string> candidates;
            for (const Entry* match : matches) {
                candidates.push_back(match->display);
            }
            // The message is built first: argument order is unspecified and the list is moved.
            std::string message = fmt::format("ambiguous {} \"{}\": as a {} it matches {} {}s: {}; give the id instead",
                                              kind, reference, tier_name(tier), matches.size(), kind, join(candidates));
            throw not_found_error(message, std::move(candidates));
        }
    }
    std::vector<std::string> candidates = closest(entries, query);
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

ActorId resolve_actor(const Catalog& catalog, std::string_view reference) {
    return ActorId{resolve("actor", "stance actors", actor_entries(catalog), reference)};
}

TopicId resolve_topic(const Catalog& catalog, std::string_view reference) {
    return TopicId{resolve("topic", "stance topics", topic_entries(catalog), reference)};
}

MeetingId resolve_meeting(const Catalog& catalog, std::string_view reference) {
    return MeetingId{resolve("meeting", "stance meetings", meeting_entries(catalog), reference)};
}

} // namespace stance
