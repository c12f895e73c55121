// Small datasets built in code for the query tests, and the seed dataset loaded into a fresh store.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include <doctest/doctest.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/model/dataset.hpp"
#include "stance/model/dataset_builder.hpp"
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
    return {"unreachable"};
}

/// A fresh in-memory store holding the seed dataset (data/seed, shipped with the project).
inline std::unique_ptr<Store> seed_store() {
    auto store = Store::open(":memory:");
    import_dataset_file(*store, seed_dataset());
    return store;
}

/// The public DatasetBuilder (stance/model/dataset_builder.hpp) with the query tests' defaults: one
/// synthetic document whose sentences the stances are, one council holding every meeting, and a
/// made-up quote per stance that names what it records.
class DatasetBuilder {
public:
    DatasetBuilder() { m_builder.document("doc", "Constructed test record", "en"); }

    DatasetBuilder& actor(const std::string& id, ActorKind kind, const std::string& name,
                          std::vector<Name> aliases = {}, const std::string& iso2 = "", const std::string& iso3 = "") {
        m_builder.actor(id, kind, name, std::move(aliases), iso2, iso3);
        return *this;
    }
    DatasetBuilder& member(const std::string& member, const std::string& group, std::optional<Date> from,
                           std::optional<Date> to = {}) {
        m_builder.member(member, group, from, to);
        return *this;
    }
    DatasetBuilder& role(const std::string& person, const std::string& represents, Date from, Date to) {
        m_builder.role(person, represents, "minister", from, to);
        return *this;
    }
    DatasetBuilder& topic(const std::string& id, const std::string& label, std::optional<std::string> parent = {},
                          std::vector<Name> aliases = {}) {
        m_builder.topic(id, label, parent ? std::vector<std::string>{*parent} : std::vector<std::string>{},
                        std::move(aliases));
        return *this;
    }
    DatasetBuilder& proposition(const std::string& id, const std::string& topic, const std::string& statement) {
        m_builder.proposition(id, topic, statement);
        return *this;
    }
    DatasetBuilder& meeting(const std::string& id, Date date, std::optional<std::string> parent = {},
                            const std::string& title = "") {
        if (m_builder.dataset().bodies.empty()) {
            m_builder.body("council", "Council");
        }
        m_builder.meeting(id, "council", date, title.empty() ? "Meeting " + id : title, std::move(parent));
        Meeting& meeting = m_builder.dataset().meetings.back();
        meeting.level = "ministers";
        meeting.place = "Brussels";
        return *this;
    }
    DatasetBuilder& participant(const std::string& meeting, const std::string& actor,
                                std::optional<std::string> person = {}) {
        m_builder.participant(meeting, actor, std::move(person));
        return *this;
    }

    /// Adds a stance whose quote is a new sentence of the document. The reference it returns, for
    /// further changes, is valid until the next call.
    Stance& stance(const std::string& id, const std::string& actor, const std::string& topic,
                   const std::string& meeting, PositionKind kind, Breadth breadth = Breadth::single) {
        Stance& stance = m_builder.stance(id, actor, topic, meeting, kind,
                                          "Record " + id + " says " + actor + " took the position " +
                                              std::string(to_string(kind)) + " on " + topic + ".");
        stance.breadth = breadth;
        stance.paraphrase = "Paraphrase of " + id + ".";
        return stance;
    }

    /// The dataset so far, for what the builder has no shortcut for (scales, directions).
    Dataset& dataset() { return m_builder.dataset(); }

    /// Validates (which also orders parents first) and imports into a fresh in-memory store.
    std::unique_ptr<Store> store() {
        auto result = Store::open(":memory:");
        Dataset copy = m_builder.build();
        validate_dataset(copy, "constructed", result.get());
        result->import(copy);
        return result;
    }

private:
    ::stance::DatasetBuilder m_builder;
};

} // namespace stance::test
