// Whole-dataset checks: duplicate ids, references, spans, parent cycles. Runs before anything is
// written, so a bad file is refused with its JSON path and the database is never touched.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "io/document_folders.hpp"
#include "io/parent_graph.hpp"
#include "io/referenced_spans.hpp"
#include "io/span_check.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

/// The ids a dataset defines, by kind, with where each was defined; lookups fall back to the store.
class References {
public:
    References(const Dataset& dataset, const std::string& source, const Store* store)
        : m_source(source), m_store(store) {
        collect(dataset.documents, EntityKind::document, "documents");
        collect(dataset.actors, EntityKind::actor, "actors");
        collect(dataset.topics, EntityKind::topic, "topics");
        collect(dataset.propositions, EntityKind::proposition, "propositions");
        collect(dataset.bodies, EntityKind::body, "bodies");
        collect(dataset.meetings, EntityKind::meeting, "meetings");
        collect(dataset.agenda_items, EntityKind::agenda_item, "agenda_items");
        collect(dataset.stances, EntityKind::stance, "stances");
    }

    /// Throws unless `id` is defined in the dataset or the store.
    void require(EntityKind kind, const std::string& id, const std::string& path) const {
        if (m_defined[index(kind)].contains(id) || (m_store && m_store->exists(kind, id))) {
            return;
        }
        throw invalid_input_error(fmt::format("{}: {}", m_source, path),
                                  fmt::format("unknown {} \"{}\": not defined in this file{}; check the spelling or "
                                              "import the file that defines it first",
                                              kind_name(kind), id, m_store ? " or the database" : ""));
    }

    template <class IdType>
    void require(EntityKind kind, const std::optional<IdType>& id, const std::string& path) const {
        if (id) {
            require(kind, id->str(), path);
        }
    }

private:
    template <class T> void collect(const std::vector<T>& entities, EntityKind kind, std::string_view list) {
        std::unordered_map<std::string, std::size_t> first_seen;
        for (std::size_t i = 0; i < entities.size(); ++i) {
            auto [where, inserted] = first_seen.emplace(entities[i].id.str(), i);
            if (!inserted) {
                throw invalid_input_error(
                    fmt::format("{}: $.{}[{}].id", m_source, list, i),
                    fmt::format("duplicate id \"{}\", first defined at $.{}[{}]; ids must be unique within a file",
                                entities[i].id.str(), list, where->second));
            }
            m_defined[index(kind)].insert(entities[i].id.str());
        }
    }

    static std::size_t index(EntityKind kind) { return static_cast<std::size_t>(kind); }
    static std::string kind_name(EntityKind kind) {
        switch (kind) {
        case EntityKind::agenda_item: return "agenda item";
        default: break;
        }
        static constexpr const char* names[] = {"document", "actor",   "topic",       "proposition",
                                                "body",     "meeting", "agenda item", "stance"};
        return names[index(kind)];
    }

    const std::string& m_source;
    const Store* m_store;
    std::array<std::unordered_set<std::string>, 8> m_defined;
};

std::string at(std::string_view list, std::size_t index, std::string_view key) {
    return fmt::format("$.{}[{}].{}", list, index, key);
}

/// An agenda item that the file moves to another meeting must not leave stored stances (not
/// re-imported here) attached to an item of a meeting that is not theirs.
void check_moved_agenda_items(const Dataset& dataset, const std::string& source, const Store& store) {
    if (dataset.agenda_items.empty()) {
        return;
    }
    std::unordered_map<std::string, MeetingId> stored_meeting;
    for (const AgendaItem& item : store.agenda_items()) {
        stored_meeting.emplace(item.id.str(), item.meeting);
    }
    std::unordered_map<std::string, std::size_t> moved; // item id → index in the file
    for (std::size_t i = 0; i < dataset.agenda_items.size(); ++i) {
        const AgendaItem& item = dataset.agenda_items[i];
        auto stored = stored_meeting.find(item.id.str());
        if (stored != stored_meeting.end() && stored->second != item.meeting) {
            moved.emplace(item.id.str(), i);
        }
    }
    if (moved.empty()) {
        return;
    }
    std::unordered_set<std::string> stances_in_file;
    for (const Stance& stance : dataset.stances) {
        stances_in_file.insert(stance.id.str());
    }
    store.for_each_stance({}, [&](const Stance& stance) {
        if (!stance.agenda_item || stances_in_file.contains(stance.id.str())) {
            return;
        }
        auto item = moved.find(stance.agenda_item->str());
        if (item == moved.end() || dataset.agenda_items[item->second].meeting == stance.meeting) {
            return;
        }
        throw invalid_input_error(
            fmt::format("{}: $.agenda_items[{}].meeting", source, item->second),
            fmt::format("moves agenda item \"{}\" to meeting \"{}\", but stance \"{}\" in the database is on that "
                        "item at meeting \"{}\"; keep the item's meeting, or re-code that stance in this file",
                        item->first, dataset.agenda_items[item->second].meeting.str(), stance.id.str(),
                        stance.meeting.str()));
    });
}

std::vector<std::string> parent_ids(const Topic& topic) {
    std::vector<std::string> ids;
    for (const TopicId& parent : topic.parents) {
        ids.push_back(parent.str());
    }
    return ids;
}
std::vector<std::string> parent_ids(const Meeting& meeting) {
    return meeting.parent ? std::vector<std::string>{meeting.parent->str()} : std::vector<std::string>{};
}
std::string_view parent_key(const Topic&) {
    return "parents";
}
std::string_view parent_key(const Meeting&) {
    return "parent";
}

/// Refuses a parent chain deeper than detail::max_parent_depth. `parents_first` puts every id after
/// its parents, so one pass gives each its depth (the longest way up); the first too deep is the
/// shallowest such entity, the one to attach higher up.
void check_depth(const detail::ParentMap& parents, const std::vector<std::string>& parents_first,
                 const std::unordered_map<std::string, std::size_t>& index, std::string_view list,
                 const std::string& source, std::string_view key) {
    std::unordered_map<std::string, std::size_t> depth;
    for (const std::string& id : parents_first) {
        std::size_t level = 0;
        if (auto up = parents.find(id); up != parents.end()) {
            for (const std::string& parent : up->second) {
                if (auto known = depth.find(parent); known != depth.end()) {
                    level = std::max(level, known->second + 1);
                }
            }
        }
        depth[id] = level;
        if (level > detail::max_parent_depth && index.contains(id)) {
            throw invalid_input_error(
                fmt::format("{}: $.{}[{}].{}", source, list, index.at(id), key),
                fmt::format("\"{}\" would be {} levels below the top of its chain of parents; stance allows at most "
                            "{} (real hierarchies have a handful); attach it higher up",
                            id, level, detail::max_parent_depth));
        }
    }
}

/// Puts `entities` parents first, so they can be written in order, and refuses a cycle with the path
/// that closes it. A file may re-parent a stored topic or meeting (an upsert), so parents are followed
/// through this file first and the database second: a loop closed through entities only the
/// database holds would otherwise be written, and every walk up that graph would never end.
template <class T>
void order_parents_first(std::vector<T>& entities, const std::vector<T>& stored, std::string_view list,
                         const std::string& source) {
    if (entities.empty()) {
        return;
    }
    detail::ParentMap parents;
    for (const T& entity : stored) {
        parents[entity.id.str()] = parent_ids(entity);
    }
    std::unordered_map<std::string, std::size_t> index; // id → position in the file as written
    std::vector<std::string> starts;
    for (std::size_t i = 0; i < entities.size(); ++i) {
        parents[entities[i].id.str()] = parent_ids(entities[i]);
        index.emplace(entities[i].id.str(), i);
        starts.push_back(entities[i].id.str());
    }
    const detail::ParentOrder order = detail::order_parents_first(parents, starts);
    if (!order.cycle.empty()) {
        // Name the cycle from an entity of this file: that is where the fix goes.
        std::size_t from = 0;
        while (from + 1 < order.cycle.size() && !index.contains(order.cycle[from])) {
            ++from;
        }
        std::vector<std::string> path(order.cycle.begin() + static_cast<std::ptrdiff_t>(from), order.cycle.end() - 1);
        path.insert(path.end(), order.cycle.begin(), order.cycle.begin() + static_cast<std::ptrdiff_t>(from) + 1);
        const bool through_database =
            std::any_of(path.begin(), path.end(), [&](const std::string& id) { return !index.contains(id); });
        std::string chain = path.front();
        for (std::size_t i = 1; i < path.size(); ++i) {
            chain += " → " + path[i];
        }
        const std::size_t at_index = index.contains(path.front()) ? index.at(path.front()) : 0;
        throw invalid_input_error(
            fmt::format("{}: $.{}[{}].{}", source, list, at_index, parent_key(entities[at_index])),
            through_database
                ? fmt::format("\"{}\" would become its own ancestor through the database ({}); break the cycle",
                              path.front(), detail::excerpt(chain))
                : fmt::format("\"{}\" is its own ancestor ({}): parents form a cycle; break it", path.front(),
                              detail::excerpt(chain)));
    }
    check_depth(parents, order.parents_first, index, list, source, parent_key(entities.front()));
    std::vector<T> ordered;
    ordered.reserve(entities.size());
    for (const std::string& id : order.parents_first) {
        if (auto found = index.find(id); found != index.end()) {
            ordered.push_back(std::move(entities[found->second]));
        }
    }
    entities = std::move(ordered);
}

template <class T> bool has_parent(const std::vector<T>& entities) {
    return std::any_of(entities.begin(), entities.end(), [](const T& entity) { return !parent_ids(entity).empty(); });
}

/// Checks each stance's span against its document: the text when it is stored, the file when the
/// text is only referenced.
class SpanChecker {
public:
    SpanChecker(const Dataset& dataset, const Store* store, const detail::DocumentFolders* folders)
        : m_store(store), m_referenced(folders) {
        for (const Document& document : dataset.documents) {
            m_in_file.emplace(document.id.str(), &document);
        }
    }

    void check(const Stance& stance, std::size_t index, const std::string& source) {
        const SourceSpan& span = *stance.source;
        std::optional<Document> stored;
        const Document* document = nullptr;
        if (auto found = m_in_file.find(span.document.str()); found != m_in_file.end()) {
            document = found->second;
        } else if (m_store && (stored = m_store->document(span.document))) {
            document = &*stored;
        }
        if (!document) {
            return; // reported as an unknown reference
        }
        // A text written inline in this very file is the user's own input and may be quoted back;
        // a text read from a file or from the database is not shown.
        const detail::ShowText show = stored || !document->path.empty() ? detail::ShowText::no : detail::ShowText::yes;
        const std::optional<detail::SpanProblem> problem =
            document->text.empty() ? m_referenced.problem(*document, span, stance.quote)
                                   : detail::span_problem(document->text, span, stance.quote, show);
        if (problem) {
            throw invalid_input_error(fmt::format("{}: $.stances[{}].source.{}", source, index, problem->key),
                                      problem->what);
        }
    }

private:
    std::unordered_map<std::string, const Document*> m_in_file;
    const Store* m_store;
    detail::ReferencedSources m_referenced;
};

/// A document that the file re-imports with a different text must still hold every span that stored
/// stances (not re-imported here) point at; otherwise their quotes would silently lose their source.
void check_changed_documents(const Dataset& dataset, const std::string& source, const Store& store) {
    std::unordered_set<std::string> stances_in_file;
    for (const Stance& stance : dataset.stances) {
        stances_in_file.insert(stance.id.str());
    }
    for (std::size_t i = 0; i < dataset.documents.size(); ++i) {
        const Document& document = dataset.documents[i];
        const std::optional<Document> stored = store.document(document.id);
        if (!stored || stored->sha256 == document.sha256 || document.text.empty()) {
            continue;
        }
        store.for_each_stance({}, [&](const Stance& stance) {
            if (!stance.source || stance.source->document != document.id || stances_in_file.contains(stance.id.str())) {
                return;
            }
            const detail::ShowText show = document.path.empty() ? detail::ShowText::yes : detail::ShowText::no;
            if (auto problem = detail::span_problem(document.text, *stance.source, stance.quote, show)) {
                throw invalid_input_error(
                    fmt::format("{}: $.documents[{}].{}", source, i, document.path.empty() ? "text" : "path"),
                    fmt::format("changes the text of document \"{}\", but stance \"{}\" in the database points at "
                                "bytes [{}, {}) of it, which would no longer hold its quote ({}); keep the old text, "
                                "or re-code that stance in this file against the new one",
                                document.id.str(), stance.id.str(), stance.source->start, stance.source->end,
                                problem->what));
            }
        });
    }
}

/// Which meeting a stored agenda item belongs to, read one meeting at a time and remembered.
class StoredAgendaItems {
public:
    explicit StoredAgendaItems(const Store* store) : m_store(store) {}

    /// The meeting of stored item `item`, when it is not `expected` (the usual case costs one read of
    /// `expected`'s items); nothing when the item is `expected`'s or is not in the database.
    std::optional<MeetingId> meeting_of(const AgendaItemId& item, const MeetingId& expected) {
        auto [items, inserted] = m_items_of.try_emplace(expected.str());
        if (inserted) {
            for (const AgendaItem& stored : m_store->agenda_items(expected)) {
                items->second.insert(stored.id.str());
            }
        }
        if (items->second.contains(item.str())) {
            return std::nullopt;
        }
        for (const AgendaItem& stored : m_store->agenda_items()) {
            if (stored.id == item) {
                return stored.meeting;
            }
        }
        return std::nullopt;
    }

private:
    const Store* m_store;
    std::unordered_map<std::string, std::unordered_set<std::string>> m_items_of;
};

void check_stances(const Dataset& dataset, const References& refs, const std::string& source, const Store* store,
                   const detail::DocumentFolders* folders) {
    SpanChecker spans(dataset, store, folders);
    std::unordered_map<std::string, const AgendaItem*> items;
    for (const AgendaItem& item : dataset.agenda_items) {
        items.emplace(item.id.str(), &item);
    }
    StoredAgendaItems stored_items(store);
    for (std::size_t i = 0; i < dataset.stances.size(); ++i) {
        const Stance& s = dataset.stances[i];
        refs.require(EntityKind::actor, s.actor.str(), at("stances", i, "actor"));
        for (std::size_t k = 0; k < s.includes.size(); ++k) {
            refs.require(EntityKind::actor, s.includes[k].str(), fmt::format("$.stances[{}].includes[{}]", i, k));
        }
        refs.require(EntityKind::actor, s.speaker, at("stances", i, "speaker"));
        refs.require(EntityKind::actor, s.reported_by, at("stances", i, "reported_by"));
        refs.require(EntityKind::topic, s.topic.str(), at("stances", i, "topic"));
        refs.require(EntityKind::proposition, s.proposition, at("stances", i, "proposition"));
        refs.require(EntityKind::meeting, s.meeting.str(), at("stances", i, "meeting"));
        refs.require(EntityKind::agenda_item, s.agenda_item, at("stances", i, "agenda_item"));
        if (s.agenda_item) {
            std::optional<MeetingId> owner;
            if (auto item = items.find(s.agenda_item->str()); item != items.end()) {
                owner = item->second->meeting;
            } else if (store) {
                owner = stored_items.meeting_of(*s.agenda_item, s.meeting);
            }
            if (owner && *owner != s.meeting) {
                throw invalid_input_error(
                    fmt::format("{}: {}", source, at("stances", i, "agenda_item")),
                    fmt::format("agenda item \"{}\" belongs to meeting \"{}\", not to the stance's meeting \"{}\"",
                                s.agenda_item->str(), owner->str(), s.meeting.str()));
            }
        }
        if (s.source) {
            refs.require(EntityKind::document, s.source->document.str(), at("stances", i, "source.document"));
            spans.check(s, i, source);
        }
    }
}

void check_other_references(const Dataset& d, const References& refs) {
    for (std::size_t i = 0; i < d.memberships.size(); ++i) {
        refs.require(EntityKind::actor, d.memberships[i].member.str(), at("memberships", i, "member"));
        refs.require(EntityKind::actor, d.memberships[i].group.str(), at("memberships", i, "group"));
    }
    for (std::size_t i = 0; i < d.roles.size(); ++i) {
        refs.require(EntityKind::actor, d.roles[i].person.str(), at("roles", i, "person"));
        refs.require(EntityKind::actor, d.roles[i].represents.str(), at("roles", i, "represents"));
    }
    for (std::size_t i = 0; i < d.topics.size(); ++i) {
        for (std::size_t k = 0; k < d.topics[i].parents.size(); ++k) {
            refs.require(EntityKind::topic, d.topics[i].parents[k].str(),
                         fmt::format("$.topics[{}].parents[{}]", i, k));
        }
    }
    for (std::size_t i = 0; i < d.propositions.size(); ++i) {
        refs.require(EntityKind::topic, d.propositions[i].topic.str(), at("propositions", i, "topic"));
    }
    for (std::size_t i = 0; i < d.bodies.size(); ++i) {
        refs.require(EntityKind::actor, d.bodies[i].organisation, at("bodies", i, "organisation"));
    }
    for (std::size_t i = 0; i < d.meetings.size(); ++i) {
        refs.require(EntityKind::body, d.meetings[i].body.str(), at("meetings", i, "body"));
        refs.require(EntityKind::meeting, d.meetings[i].parent, at("meetings", i, "parent"));
    }
    for (std::size_t i = 0; i < d.agenda_items.size(); ++i) {
        refs.require(EntityKind::meeting, d.agenda_items[i].meeting.str(), at("agenda_items", i, "meeting"));
        for (std::size_t k = 0; k < d.agenda_items[i].topics.size(); ++k) {
            refs.require(EntityKind::topic, d.agenda_items[i].topics[k].str(),
                         fmt::format("$.agenda_items[{}].topics[{}]", i, k));
        }
    }
    for (std::size_t i = 0; i < d.participants.size(); ++i) {
        refs.require(EntityKind::meeting, d.participants[i].meeting.str(), at("participants", i, "meeting"));
        refs.require(EntityKind::actor, d.participants[i].actor.str(), at("participants", i, "actor"));
        refs.require(EntityKind::actor, d.participants[i].person, at("participants", i, "person"));
    }
}

} // namespace

void validate_dataset(Dataset& dataset, const std::string& source_name, const Store* existing,
                      const std::filesystem::path& base_directory, const DatasetReadOptions& options) {
    const References refs(dataset, source_name, existing);
    check_other_references(dataset, refs);
    std::optional<detail::DocumentFolders> folders;
    if (!base_directory.empty()) {
        folders.emplace(base_directory, options.allowed_document_roots);
    }
    check_stances(dataset, refs, source_name, existing, folders ? &*folders : nullptr);
    if (existing) {
        check_changed_documents(dataset, source_name, *existing);
        check_moved_agenda_items(dataset, source_name, *existing);
    }
    const bool stored_topics = existing && has_parent(dataset.topics);
    const bool stored_meetings = existing && has_parent(dataset.meetings);
    order_parents_first(dataset.topics, stored_topics ? existing->topics() : std::vector<Topic>{}, "topics",
                        source_name);
    order_parents_first(dataset.meetings, stored_meetings ? existing->meetings() : std::vector<Meeting>{}, "meetings",
                        source_name);
}

} // namespace stance
