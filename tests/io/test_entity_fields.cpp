// The entity tables (src/io/entity_fields.hpp) drive the reader, the writer and query JSON; these
// tests show that the three agree on every field of every entity, so they cannot drift.
#include <set>
#include <string>

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include "io/entity_fields.hpp"
#include "io/entity_reader.hpp"
#include "io/entity_traits.hpp"
#include "io/entity_writer.hpp"
#include "io/json_pretty.hpp"
#include "stance/coding/suggestion_json.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "support.hpp"

using namespace stance;
namespace json = boost::json;

namespace {

// One entity of each kind with every member set to something other than what a reader assumes,
// so that a member the table misses cannot come back equal.
Dataset everything_set() {
    Dataset d;
    Document doc{DocumentId{"doc"},     "A report", "nl", Date{2017, 3, 31}, "MFA", "https://example.org/r", "",
                 "Steun voor dialoog.", ""};
    doc.sha256 = sha256_hex(doc.text);
    d.documents.push_back(doc);
    d.actors.push_back(Actor{ActorId{"nld"},
                             ActorKind::person,
                             "Netherlands",
                             "NL",
                             "NLD",
                             {Name{"nl", "Nederland"}, Name{"nl", "Holland"}, Name{"de", "Niederlande"}}});
    d.memberships.push_back(Membership{ActorId{"nld"}, ActorId{"nato"}, Date{1949, 8, 24}, Date{2049, 1, 1}});
    d.roles.push_back(Role{ActorId{"koenders"}, ActorId{"nld"}, "Minister", Date{2014, 10, 17}, Date{2017, 10, 26}});
    d.topics.push_back(Topic{TopicId{"russia"},
                             {TopicId{"europe"}, TopicId{"security"}},
                             "Russia",
                             {Name{"nl", "Rusland"}},
                             Scale{{Name{"en", "dialogue"}, Name{"nl", "dialoog"}}, {Name{"en", "pressure"}}},
                             {Direction{TopicId{"russia"}, 0.5}}});
    d.propositions.push_back(
        Proposition{PropositionId{"p"}, TopicId{"russia"}, "Talk.", {Direction{TopicId{"russia"}, -1.0}}});
    d.bodies.push_back(
        Body{BodyId{"nac"}, "North Atlantic Council", {Name{"nl", "Noord-Atlantische Raad"}}, ActorId{"nato"}});
    d.meetings.push_back(Meeting{MeetingId{"m"}, BodyId{"nac"}, "Ministerial", "foreign_ministers", Date{2017, 3, 31},
                                 "Brussels", MeetingId{"summit"}, Date{2017, 4, 1}});
    d.agenda_items.push_back(AgendaItem{AgendaItemId{"m-1"},
                                        MeetingId{"m"},
                                        3,
                                        "Russia",
                                        "A/RES/1",
                                        "Relations",
                                        {TopicId{"russia"}},
                                        RollCallFlags{true, false, true}});
    d.participants.push_back(Participant{MeetingId{"m"}, ActorId{"nld"}, ActorId{"koenders"}, "foreign minister"});
    Stance s;
    s.id = StanceId{"s"};
    s.actor = ActorId{"nld"};
    s.includes = {ActorId{"bel"}};
    s.speaker = ActorId{"koenders"};
    s.topic = TopicId{"russia"};
    s.proposition = PropositionId{"p"};
    s.meeting = MeetingId{"m"};
    s.agenda_item = AgendaItemId{"m-1"};
    s.kind = PositionKind::conditional;
    s.score = 0.25;
    s.breadth = Breadth::broad;
    s.quote = "Steun voor dialoog.";
    s.paraphrase = "Support for dialogue.";
    s.source = SourceSpan{DocumentId{"doc"}, 0, 19, 2};
    s.reported_by = ActorId{"nld"};
    s.basis = Basis::inferred;
    s.confidence = 0.75;
    s.coder = "jd";
    s.coded_at = "2026-01-01T00:00:00Z";
    s.stated_on = Date{2017, 4, 1};
    s.note = "checked";
    d.stances.push_back(s);
    return d;
}

/// Each entity with only what its table requires (and a document's text).
Dataset only_required() {
    Dataset d;
    Document doc;
    doc.id = DocumentId{"doc"};
    doc.text = "x";
    doc.sha256 = sha256_hex(doc.text);
    d.documents.push_back(doc);
    d.actors.push_back(Actor{ActorId{"nld"}, ActorKind::state, "Netherlands", "", "", {}});
    d.memberships.push_back(Membership{ActorId{"nld"}, ActorId{"nato"}, {}, {}});
    d.roles.push_back(Role{ActorId{"koenders"}, ActorId{"nld"}, "Minister", {}, {}});
    d.topics.push_back(Topic{TopicId{"russia"}, {}, "Russia", {}, {}, {}});
    d.propositions.push_back(Proposition{PropositionId{"p"}, TopicId{"russia"}, "Talk.", {}});
    d.bodies.push_back(Body{BodyId{"nac"}, "Council", {}, {}});
    d.meetings.push_back(Meeting{MeetingId{"m"}, BodyId{"nac"}, "", "", Date{2017, 3, 31}, "", {}, {}});
    d.agenda_items.push_back(AgendaItem{AgendaItemId{"m-1"}, MeetingId{"m"}, 0, "Russia", "", "", {}, {}});
    d.participants.push_back(Participant{MeetingId{"m"}, ActorId{"nld"}, {}, ""});
    Stance s;
    s.id = StanceId{"s"};
    s.actor = ActorId{"nld"};
    s.topic = TopicId{"russia"};
    s.meeting = MeetingId{"m"};
    s.kind = PositionKind::support;
    s.score = default_score(s.kind);
    d.stances.push_back(s);
    return d;
}

/// Every optional and defaulted member of `entity` differs from what a missing key means.
template <class Entity> void check_every_field_set(const Entity& entity) {
    detail::for_each_field<Entity>([&](const auto& field) {
        using Member = std::remove_cvref_t<decltype(entity.*field.member)>;
        const Member& value = entity.*field.member;
        CAPTURE(field.key);
        if (field.presence == detail::Presence::optional) {
            CHECK_FALSE(value == Member{});
        } else if (field.fallback) {
            CHECK_FALSE(value == field.fallback(entity));
        }
    });
}

/// `text` as a dataset with the given lists, as a reader sees it.
Dataset read_back(const std::string& text) {
    return parse_dataset(text, "test.json", {});
}

/// The dataset whose lists hold each entity's query form instead of its dataset form.
template <class Entity>
void add_query_forms(json::object& top, std::string_view list, const std::vector<Entity>& entities) {
    json::array items;
    for (const Entity& entity : entities) {
        items.push_back(detail::to_json(entity, detail::Form::query));
    }
    top[list] = std::move(items);
}

std::string query_form_dataset(const Dataset& d) {
    json::object top;
    top["stance_dataset"] = 1;
    add_query_forms(top, "documents", d.documents);
    add_query_forms(top, "actors", d.actors);
    add_query_forms(top, "memberships", d.memberships);
    add_query_forms(top, "roles", d.roles);
    add_query_forms(top, "topics", d.topics);
    add_query_forms(top, "propositions", d.propositions);
    add_query_forms(top, "bodies", d.bodies);
    add_query_forms(top, "meetings", d.meetings);
    add_query_forms(top, "agenda_items", d.agenda_items);
    add_query_forms(top, "participants", d.participants);
    add_query_forms(top, "stances", d.stances);
    return detail::pretty_json(top);
}

/// The query form holds every key of the table, in order; the dataset form is the query form less
/// the keys it leaves out, and a key is left out only when its value is what a reader assumes.
template <class Entity> void check_forms_agree(const Entity& entity) {
    const json::object full = detail::to_json(entity, detail::Form::query);
    const json::object canonical = detail::to_json(entity);
    std::vector<std::string> table_keys;
    detail::for_each_field<Entity>([&](const auto& field) { table_keys.emplace_back(field.key); });
    std::vector<std::string> full_keys;
    for (const auto& [key, value] : full) {
        full_keys.emplace_back(key);
    }
    full_keys.resize(std::min(full_keys.size(), table_keys.size())); // a document's text follows its table
    CHECK(full_keys == table_keys);
    for (const auto& [key, value] : canonical) {
        // A copy for CAPTURE's lambda: clang (and so clang-tidy) before 16 cannot capture a structured binding.
        const std::string field(key);
        CAPTURE(field);
        REQUIRE(full.contains(key));
        CHECK(full.at(key) == value);
    }
    detail::for_each_field<Entity>([&](const auto& field) {
        if (canonical.contains(field.key)) {
            return;
        }
        CAPTURE(field.key);
        using Member = std::remove_cvref_t<decltype(entity.*field.member)>;
        const Member& value = entity.*field.member;
        CHECK((value == Member{} || (field.fallback && value == field.fallback(entity))));
    });
}

template <class Entity> void check_forms_agree(const std::vector<Entity>& entities) {
    for (const Entity& entity : entities) {
        check_forms_agree(entity);
    }
}

void check_all_forms_agree(const Dataset& d) {
    check_forms_agree(d.documents);
    check_forms_agree(d.actors);
    check_forms_agree(d.memberships);
    check_forms_agree(d.roles);
    check_forms_agree(d.topics);
    check_forms_agree(d.propositions);
    check_forms_agree(d.bodies);
    check_forms_agree(d.meetings);
    check_forms_agree(d.agenda_items);
    check_forms_agree(d.participants);
    check_forms_agree(d.stances);
}

} // namespace

TEST_CASE("the sample sets every field of every table") {
    const Dataset d = everything_set();
    check_every_field_set(d.documents[0]);
    check_every_field_set(d.actors[0]);
    check_every_field_set(d.memberships[0]);
    check_every_field_set(d.roles[0]);
    check_every_field_set(d.topics[0]);
    check_every_field_set(*d.topics[0].scale);
    check_every_field_set(d.propositions[0]);
    check_every_field_set(d.bodies[0]);
    check_every_field_set(d.meetings[0]);
    check_every_field_set(d.agenda_items[0]);
    check_every_field_set(d.agenda_items[0].roll_call);
    check_every_field_set(d.participants[0]);
    check_every_field_set(d.stances[0]);
    check_every_field_set(*d.stances[0].source);
}

TEST_CASE("every field of every entity round-trips through the writer and the reader") {
    for (const Dataset& d : {everything_set(), only_required()}) {
        const std::string written = write_dataset(d);
        const Dataset read = read_back(written);
        CHECK(read == d);
        CHECK(write_dataset(read) == written);
    }
}

TEST_CASE("the query form of every entity reads back as the same entity") {
    for (const Dataset& d : {everything_set(), only_required()}) {
        CHECK(read_back(query_form_dataset(d)) == d);
    }
}

TEST_CASE("the dataset form is the query form without what a reader assumes") {
    check_all_forms_agree(everything_set());
    check_all_forms_agree(only_required());
}

namespace {

// The export lays entities out from their tables directly (append_dataset_json); it must give
// the bytes of the JSON object laid out, at any depth.
template <class Entity> void check_laid_out_alike(const std::vector<Entity>& entities) {
    for (const Entity& entity : entities) {
        for (int indent : {0, 2}) {
            std::string direct = "[";
            detail::append_dataset_json(direct, entity, indent);
            std::string built = "[";
            detail::append_pretty_json(built, detail::to_json(entity), indent);
            CHECK(direct == built);
        }
    }
}

void check_all_laid_out_alike(const Dataset& d) {
    check_laid_out_alike(d.documents);
    check_laid_out_alike(d.actors);
    check_laid_out_alike(d.memberships);
    check_laid_out_alike(d.roles);
    check_laid_out_alike(d.topics);
    check_laid_out_alike(d.propositions);
    check_laid_out_alike(d.bodies);
    check_laid_out_alike(d.meetings);
    check_laid_out_alike(d.agenda_items);
    check_laid_out_alike(d.participants);
    check_laid_out_alike(d.stances);
}

} // namespace

TEST_CASE("the direct layout of an entity is that of its JSON object, byte for byte") {
    check_all_laid_out_alike(everything_set());
    check_all_laid_out_alike(only_required());
    // What only the layout decides: escapes, repeated languages and scales, a referenced text,
    // whole and fractional numbers, empty lists and objects.
    Dataset odd = everything_set();
    odd.documents[0].text.clear();
    odd.documents[0].path = R"(data/un\votes "raw".csv)";
    odd.actors[0].aliases.push_back(Name{"de", "Holland\t\x01"});
    odd.actors[0].aliases.push_back(Name{"nl", "Nederland"});
    odd.topics[0].scale->minus.push_back(Name{"en", "talks"}); // a second label replaces the first
    odd.topics[0].directions.push_back(Direction{TopicId{"europe"}, 1.0});
    odd.topics[0].directions.push_back(Direction{TopicId{"russia"}, -0.125});
    odd.topics[0].scale->plus.clear();
    odd.stances[0].score = 1.0;
    odd.stances[0].confidence = 0.1;
    odd.stances[0].quote = "\"Quoted\"\nline\r\x7f";
    odd.agenda_items[0].roll_call = RollCallFlags{false, std::nullopt, true};
    check_all_laid_out_alike(odd);
    Document bare;
    bare.id = DocumentId{"bare"};
    check_laid_out_alike(std::vector<Document>{bare});
}

TEST_CASE("history records hold each entity's dataset form on one line") {
    const Dataset d = everything_set();
    CHECK(entity_json(d.stances[0]) == detail::compact_json(detail::to_json(d.stances[0])));
    CHECK(entity_json(d.actors[0]).starts_with(R"({"id":"nld","kind":"person","name":"Netherlands","iso2":"NL")"));
}

TEST_CASE("allowed values in messages come from the enum's name table") {
    CHECK(names_listed(position_kind_names) ==
          "support, oppose, abstain, neutral, concern, conditional, no_position, absent, not_member");
    for (PositionKind kind : all_position_kinds) {
        CHECK(parse_position_kind(to_string(kind)) == kind);
    }
    for (Basis basis : all_bases) {
        CHECK(parse_basis(to_string(basis)) == basis);
    }
    for (Breadth breadth : all_breadths) {
        CHECK(parse_breadth(to_string(breadth)) == breadth);
    }
    for (const auto& entry : actor_kind_names) {
        CHECK(parse_actor_kind(entry.name) == entry.value);
    }
    CHECK_FALSE(parse_basis("Vote").has_value());
    const std::string text = R"({"stance_dataset": 1, "actors": [{"id": "x", "kind": "country", "name": "X"}]})";
    CHECK(test::message_of([&] { (void)read_back(text); }) ==
          "test.json: $.actors[0].kind: \"country\" is not one of " + names_listed(actor_kind_names));
}

namespace {

// A stored suggestion has a table too (no dataset holds one; the history, the HTTP API, the CLI and
// the Python bindings write it).
Suggestion suggestion_everything_set() {
    Suggestion s;
    s.id = 12;
    s.document = DocumentId{"doc"};
    s.start = 4;
    s.end = 19;
    s.actor = ActorId{"nld"};
    s.speaker = ActorId{"koenders"};
    s.topic = TopicId{"russia"};
    s.proposition = PropositionId{"p"};
    s.kind = PositionKind::concern;
    s.breadth = Breadth::broad;
    s.basis = Basis::reported;
    s.reported_by = ActorId{"nato"};
    s.confidence = 0.625;
    s.cues = {"concern \"zorgen\"", "report \"benadrukte\""};
    s.lexicon_sha256 = "ab12";
    s.created_at = "2026-01-01T00:00:00Z";
    s.status = SuggestionStatus::edited;
    s.stance = StanceId{"s"};
    s.reviewer = "jd";
    s.reviewed_at = "2026-01-02T00:00:00Z";
    s.reason = "narrower claim";
    return s;
}

Suggestion suggestion_only_required() {
    Suggestion s;
    s.document = DocumentId{"doc"};
    s.end = 1;
    s.actor = ActorId{"nld"};
    return s;
}

Suggestion read_suggestion(const json::object& object) {
    const std::string source = "test.json";
    const detail::ReaderContext strict{source};
    const json::value value = object;
    detail::ObjectReader reader(value, "$", strict);
    Suggestion suggestion = detail::read_entity<Suggestion>(reader);
    reader.finish();
    return suggestion;
}

} // namespace

TEST_CASE("a suggestion's table drives its reader and both its forms, which agree") {
    check_every_field_set(suggestion_everything_set());
    for (const Suggestion& s : {suggestion_everything_set(), suggestion_only_required()}) {
        CHECK(read_suggestion(detail::to_json(s)) == s);
        CHECK(read_suggestion(detail::to_json(s, detail::Form::query)) == s);
        check_forms_agree(s);
        // The library's JSON, which the Python bindings, the CLI and the HTTP API give, is the query form.
        CHECK(to_json(s) == detail::compact_json(detail::to_json(s, detail::Form::query)));
    }
    json::object wrong = detail::to_json(suggestion_everything_set());
    wrong["status"] = "pending";
    CHECK(test::message_of([&] { (void)read_suggestion(wrong); }) ==
          "test.json: $.status: \"pending\" is not one of " + names_listed(suggestion_status_names));
}
