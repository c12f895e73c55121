// Small datasets built in code for the query tests, and the seed dataset loaded into a fresh store.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include <doctest/doctest.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/model/dataset.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

namespace stance::test {

inline std::filesystem::path seed_dataset() {
    return source_dir() / "data/seed/nato-2017-03-31.json";
}

/// Runs `resolve` expecting a not_found_error and returns it for inspection.
template <class Resolve> not_found_error failure_of(Resolve&& resolve) {
    try {
        resolve();
    } catch (const not_found_error& failure) {
        return failure;
    }
    FAIL("expected a not_found_error");
    return not_found_error("unreachable");
}

/// A fresh in-memory store holding the seed dataset (data/seed, shipped with the project).
inline std::unique_ptr<Store> seed_store() {
    auto store = Store::open(":memory:");
    import_dataset_file(*store, seed_dataset());
    return store;
}

/// Builds a dataset whose stances quote sentences of one synthetic document; each quote is
/// appended to the document so its span is exact and validation passes.
class DatasetBuilder {
public:
    DatasetBuilder() {
        m_dataset.documents.push_back(
            Document{DocumentId{"doc"}, "Constructed test record", "en", {}, "", "", "", "", ""});
    }

    DatasetBuilder& actor(const std::string& id, ActorKind kind, const std::string& name,
                          std::vector<Name> aliases = {}, const std::string& iso2 = "", const std::string& iso3 = "") {
        m_dataset.actors.push_back(Actor{ActorId{id}, kind, name, iso2, iso3, std::move(aliases)});
        return *this;
    }
    DatasetBuilder& member(const std::string& member, const std::string& group, std::optional<Date> from,
                           std::optional<Date> to = {}) {
        m_dataset.memberships.push_back(Membership{ActorId{member}, ActorId{group}, from, to});
        return *this;
    }
    DatasetBuilder& role(const std::string& person, const std::string& represents, Date from, Date to) {
        m_dataset.roles.push_back(Role{ActorId{person}, ActorId{represents}, "minister", from, to});
        return *this;
    }
    DatasetBuilder& topic(const std::string& id, const std::string& label, std::optional<std::string> parent = {},
                          std::vector<Name> aliases = {}) {
        m_dataset.topics.push_back(Topic{TopicId{id},
                                         parent ? std::vector<TopicId>{TopicId{*parent}} : std::vector<TopicId>{},
                                         label,
                                         std::move(aliases),
                                         std::nullopt,
                                         {}});
        return *this;
    }
    DatasetBuilder& proposition(const std::string& id, const std::string& topic, const std::string& statement) {
        m_dataset.propositions.push_back(Proposition{PropositionId{id}, TopicId{topic}, statement, {}});
        return *this;
    }
    DatasetBuilder& meeting(const std::string& id, Date date, std::optional<std::string> parent = {},
                            const std::string& title = "") {
        ensure_body();
        m_dataset.meetings.push_back(
            Meeting{MeetingId{id}, BodyId{"council"}, title.empty() ? "Meeting " + id : title, "ministers", date,
                    "Brussels", parent ? std::optional<MeetingId>{MeetingId{*parent}} : std::nullopt, std::nullopt});
        return *this;
    }
    DatasetBuilder& participant(const std::string& meeting, const std::string& actor,
                                std::optional<std::string> person = {}) {
        m_dataset.participants.push_back(Participant{
            MeetingId{meeting}, ActorId{actor}, person ? std::optional<ActorId>{ActorId{*person}} : std::nullopt, ""});
        return *this;
    }

    /// Adds a stance whose quote is a new sentence of the document. The reference it returns, for
    /// further changes, is valid until the next call.
    Stance& stance(const std::string& id, const std::string& actor, const std::string& topic,
                   const std::string& meeting, PositionKind kind, Breadth breadth = Breadth::single) {
        Document& document = m_dataset.documents.front();
        const std::string quote = "Record " + id + " says " + actor + " took the position " +
                                  std::string(to_string(kind)) + " on " + topic + ".";
        if (!document.text.empty()) {
            document.text += ' ';
        }
        const std::size_t start = document.text.size();
        document.text += quote;
        Stance stance;
        stance.id = StanceId{id};
        stance.actor = ActorId{actor};
        stance.topic = TopicId{topic};
        stance.meeting = MeetingId{meeting};
        stance.kind = kind;
        stance.score = default_score(kind);
        stance.breadth = breadth;
        stance.quote = quote;
        stance.paraphrase = "Paraphrase of " + id + ".";
        stance.source = SourceSpan{DocumentId{"doc"}, start, start + quote.size(), std::nullopt};
        m_dataset.stances.push_back(stance);
        return m_dataset.stances.back();
    }

    /// The dataset so far, for what the builder has no shortcut for (scales, directions).
    Dataset& dataset() { return m_dataset; }

    /// Validates (which also orders parents first) and imports into a fresh in-memory store.
    std::unique_ptr<Store> store() {
        auto result = Store::open(":memory:");
        Dataset copy = m_dataset;
        validate_dataset(copy, "constructed", result.get());
        result->import(copy);
        return result;
    }

private:
    void ensure_body() {
        if (m_dataset.bodies.empty()) {
            m_dataset.bodies.push_back(Body{BodyId{"council"}, "Council", {}, std::nullopt});
        }
    }
    Dataset m_dataset;
};

} // namespace stance::test
