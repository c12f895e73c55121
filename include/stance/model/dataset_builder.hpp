// Building a dataset in code, for programs and tests that make their data rather than read it:
//
//     stance::DatasetBuilder data;
//     data.document("speech", "Statement of the Netherlands", "en")
//         .actor("nld", stance::ActorKind::state, "Netherlands")
//         .topic("russia", "Russia")
//         .body("unga", "UN General Assembly")
//         .meeting("unga-79", "unga", *stance::Date::parse("2024-09-24"), "79th session");
//     data.stance("nld-1", "nld", "russia", "unga-79", stance::PositionKind::oppose,
//                 "We condemn Russia's war of aggression.");
//     database.import(data.build());
//
// A stance always points at its source: its quote is found in its document (the last document
// added). A document given with its text is quoted: each quote must occur in the text, and the
// stance gets the span of its first occurrence at or after the previous stance's. A document given
// without a text is written by its stances: each quote becomes its next sentence. Either way the
// spans are exact and the import's checks pass.
//
// Each shortcut takes what the entity cannot do without and returns the builder; `add` takes a
// whole entity (written with designated initialisers, every field has a default) for anything the
// shortcuts leave out, and `stance` returns the stance for further fields. Header only: the model
// layer needs no linking.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stance/error.hpp"
#include "stance/model/dataset.hpp"

namespace stance {

class DatasetBuilder {
public:
    /// A document; the stances that follow quote it. `text` empty: the stances write it.
    DatasetBuilder& document(std::string id, std::string title, std::string language, std::string text = {}) {
        m_quoted_text = !text.empty();
        m_search_from = 0;
        m_dataset.documents.push_back(Document{.id = DocumentId{std::move(id)},
                                               .title = std::move(title),
                                               .language = std::move(language),
                                               .text = std::move(text)});
        return *this;
    }

    DatasetBuilder& actor(std::string id, ActorKind kind, std::string name, std::vector<Name> aliases = {},
                          std::string iso2 = {}, std::string iso3 = {}) {
        return add(Actor{.id = ActorId{std::move(id)},
                         .kind = kind,
                         .name = std::move(name),
                         .iso2 = std::move(iso2),
                         .iso3 = std::move(iso3),
                         .aliases = std::move(aliases)});
    }

    /// `member` belongs to `group` from `from` until `to` (open when not given).
    DatasetBuilder& member(std::string member, std::string group, std::optional<Date> from = {},
                           std::optional<Date> to = {}) {
        return add(Membership{ActorId{std::move(member)}, ActorId{std::move(group)}, from, to});
    }

    /// `person` speaks for `represents` as `title` from `from` until `to`.
    DatasetBuilder& role(std::string person, std::string represents, std::string title, std::optional<Date> from = {},
                         std::optional<Date> to = {}) {
        return add(Role{ActorId{std::move(person)}, ActorId{std::move(represents)}, std::move(title), from, to});
    }

    DatasetBuilder& topic(std::string id, std::string label, std::vector<std::string> parents = {},
                          std::vector<Name> aliases = {}) {
        Topic topic{.id = TopicId{std::move(id)}, .label = std::move(label), .aliases = std::move(aliases)};
        for (std::string& parent : parents) {
            topic.parents.emplace_back(std::move(parent));
        }
        return add(std::move(topic));
    }

    /// Gives the last topic added a scale with these poles (docs/position-scale.md).
    DatasetBuilder& scale(Name minus, Name plus) {
        last(m_dataset.topics, "scale", "topic").scale = Scale{{std::move(minus)}, {std::move(plus)}};
        return *this;
    }

    DatasetBuilder& proposition(std::string id, std::string topic, std::string statement,
                                std::vector<Direction> directions = {}) {
        return add(Proposition{PropositionId{std::move(id)}, TopicId{std::move(topic)}, std::move(statement),
                               std::move(directions)});
    }

    DatasetBuilder& body(std::string id, std::string name) {
        return add(Body{.id = BodyId{std::move(id)}, .name = std::move(name)});
    }

    DatasetBuilder& meeting(std::string id, std::string body, Date date, std::string title,
                            std::optional<std::string> parent = {}) {
        Meeting meeting{
            .id = MeetingId{std::move(id)}, .body = BodyId{std::move(body)}, .title = std::move(title), .date = date};
        if (parent) {
            meeting.parent = MeetingId{std::move(*parent)};
        }
        return add(std::move(meeting));
    }

    DatasetBuilder& agenda_item(std::string id, std::string meeting, int order, std::string title) {
        return add(AgendaItem{.id = AgendaItemId{std::move(id)},
                              .meeting = MeetingId{std::move(meeting)},
                              .order = order,
                              .title = std::move(title)});
    }

    DatasetBuilder& participant(std::string meeting, std::string actor, std::optional<std::string> person = {},
                                std::string role = {}) {
        Participant participant{
            .meeting = MeetingId{std::move(meeting)}, .actor = ActorId{std::move(actor)}, .role = std::move(role)};
        if (person) {
            participant.person = ActorId{std::move(*person)};
        }
        return add(std::move(participant));
    }

    /// A stance of `actor` on `topic` at `meeting`, quoting the last document (see the top of this
    /// file); its score is the kind's default. Returns the stance, for further fields; the
    /// reference is valid until the next stance is added. Throws invalid_input_error when there is
    /// no document yet or the document's text does not hold `quote`.
    Stance& stance(std::string id, std::string actor, std::string topic, std::string meeting, PositionKind kind,
                   std::string quote) {
        const SourceSpan span = place_quote(id, quote);
        m_dataset.stances.push_back(Stance{.id = StanceId{std::move(id)},
                                           .actor = ActorId{std::move(actor)},
                                           .topic = TopicId{std::move(topic)},
                                           .meeting = MeetingId{std::move(meeting)},
                                           .kind = kind,
                                           .score = default_score(kind),
                                           .quote = std::move(quote),
                                           .source = span});
        return m_dataset.stances.back();
    }

    /// Any entity as written, for what the shortcuts leave out.
    DatasetBuilder& add(Document document) { return push(m_dataset.documents, std::move(document)); }
    DatasetBuilder& add(Actor actor) { return push(m_dataset.actors, std::move(actor)); }
    DatasetBuilder& add(Membership membership) { return push(m_dataset.memberships, std::move(membership)); }
    DatasetBuilder& add(Role role) { return push(m_dataset.roles, std::move(role)); }
    DatasetBuilder& add(Topic topic) { return push(m_dataset.topics, std::move(topic)); }
    DatasetBuilder& add(Proposition proposition) { return push(m_dataset.propositions, std::move(proposition)); }
    DatasetBuilder& add(Body body) { return push(m_dataset.bodies, std::move(body)); }
    DatasetBuilder& add(Meeting meeting) { return push(m_dataset.meetings, std::move(meeting)); }
    DatasetBuilder& add(AgendaItem item) { return push(m_dataset.agenda_items, std::move(item)); }
    DatasetBuilder& add(Participant participant) { return push(m_dataset.participants, std::move(participant)); }
    DatasetBuilder& add(Stance stance) { return push(m_dataset.stances, std::move(stance)); }

    /// The dataset so far, to change what was added.
    [[nodiscard]] Dataset& dataset() noexcept { return m_dataset; }
    /// A copy of the dataset, to import (Database::import or Store::import after validate_dataset).
    [[nodiscard]] Dataset build() const { return m_dataset; }

private:
    template <class Entity> DatasetBuilder& push(std::vector<Entity>& list, Entity entity) {
        list.push_back(std::move(entity));
        return *this;
    }

    template <class Entity>
    static Entity& last(std::vector<Entity>& list, std::string_view call, std::string_view kind) {
        if (list.empty()) {
            throw invalid_input_error(std::string{"DatasetBuilder::"} + std::string{call},
                                      "no " + std::string{kind} + " added yet; add one first");
        }
        return list.back();
    }

    SourceSpan place_quote(const std::string& id, const std::string& quote) {
        const std::string where = "DatasetBuilder::stance " + id;
        Document& document = last(m_dataset.documents, "stance", "document");
        if (quote.empty()) {
            throw invalid_input_error(where, "the quote is empty; give the words of the document");
        }
        if (!m_quoted_text) {
            if (!document.text.empty()) {
                document.text += ' ';
            }
            const std::size_t start = document.text.size();
            document.text += quote;
            return SourceSpan{document.id, start, start + quote.size(), std::nullopt};
        }
        std::size_t start = document.text.find(quote, m_search_from);
        if (start == std::string::npos) {
            start = document.text.find(quote);
        }
        if (start == std::string::npos) {
            throw invalid_input_error(where, "the quote is not in the text of document " + document.id.str() +
                                                 "; copy it from the text exactly");
        }
        m_search_from = start + quote.size();
        return SourceSpan{document.id, start, start + quote.size(), std::nullopt};
    }

    Dataset m_dataset;
    bool m_quoted_text = false;    ///< The last document came with its text.
    std::size_t m_search_from = 0; ///< Where the next quote of that text is looked for first.
};

} // namespace stance
