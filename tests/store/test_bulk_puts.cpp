// Meetings and agenda items a batch at a time (ImportSession::put_meetings, put_agenda_items): the
// PostgreSQL store writes a batch set-wise and reads its history states at once
// (pg_bulk_puts.cpp), the SQLite store one by one; either way as if each were put in turn.
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "backends.hpp"
#include "stance/error.hpp"
#include "stance/store/history.hpp"
#include "stance/store/store.hpp"
#include "vote_builders.hpp"

using namespace stance;

namespace {

/// A body, a topic and the session "ga-1" of 1 to 20 September 2001.
Dataset assembly() {
    Dataset d;
    d.topics.push_back(test::topic("votes", "Votes"));
    d.bodies.push_back(Body{BodyId{"ga"}, "Assembly", {}, std::nullopt});
    Meeting session = test::ga_meeting("ga-1", "Session one", Date{2001, 9, 1});
    session.end_date = Date{2001, 9, 20};
    d.meetings.push_back(session);
    return d;
}

/// Twenty agenda items of "ga-1" (enough for the PostgreSQL writer to read every stored slug once).
std::vector<AgendaItem> many_items(const std::string& title) {
    std::vector<AgendaItem> items;
    for (int n = 1; n <= 20; ++n) {
        const std::string id = "rc-" + std::to_string(n);
        items.push_back(AgendaItem{AgendaItemId{id},
                                   MeetingId{"ga-1"},
                                   n,
                                   fmt::format("{} {}", title, id),
                                   "",
                                   "",
                                   {TopicId{"votes"}, TopicId{"votes"}},
                                   {}});
    }
    return items;
}

/// Twenty days of "ga-1", the n-th on September n.
std::vector<Meeting> many_days(const std::string& title) {
    std::vector<Meeting> days;
    for (unsigned n = 1; n <= 20; ++n) {
        days.push_back(test::ga_meeting("", "", Date{2001, 9, n}, MeetingId{"ga-1"}));
        days.back().id = MeetingId{"day-" + std::to_string(n)};
        days.back().title = fmt::format("{} {}", title, n);
    }
    return days;
}

/// The last change set's changes, each as kind, id, before and after.
std::vector<std::string> last_changes(const Store& store) {
    HistoryFilter filter;
    filter.limit = 1;
    const std::vector<ChangeSet> sets = store.change_sets(filter);
    std::vector<std::string> changes;
    for (const EntityChange& change : sets.at(0).changes) {
        changes.push_back(fmt::format("{} {} {} {}", to_string(change.key.kind), change.key.id,
                                      change.before.value_or("-"), change.after.value_or("-")));
    }
    return changes;
}

/// Whether every change of the last change set has a state before (`before`) and one after.
bool every_change_has_before(const Store& store, bool before) {
    HistoryFilter filter;
    filter.limit = 1;
    const std::vector<ChangeSet> sets = store.change_sets(filter);
    for (const EntityChange& change : sets.at(0).changes) {
        if (change.before.has_value() != before || !change.after.has_value()) {
            return false;
        }
    }
    return true;
}

/// Two new databases of `backend` with assembly(): one written in batches, one entity by entity.
struct TwoStores {
    explicit TwoStores(const test::Backend& backend)
        : batched_db(backend.create()), single_db(backend.create()), batched(batched_db.open()),
          single(single_db.open()) {
        batched->import(assembly());
        single->import(assembly());
    }
    template <class Entity> void put(const std::vector<Entity>& entities) {
        auto batch = batched->begin_import();
        auto one_by_one = single->begin_import();
        if constexpr (std::is_same_v<Entity, Meeting>) {
            batch->put_meetings(entities);
        } else {
            batch->put_agenda_items(entities);
        }
        for (const Entity& entity : entities) {
            one_by_one->put(entity);
        }
        batch->commit();
        one_by_one->commit();
    }
    test::ScratchDatabase batched_db;
    test::ScratchDatabase single_db;
    std::unique_ptr<Store> batched;
    std::unique_ptr<Store> single;
};

} // namespace

STORE_TEST_CASE("put_agenda_items stores and records a batch as putting each item in turn does") {
    TwoStores stores(backend);
    for (const char* title : {"First", "Second"}) { // new items, then every one of them replaced
        CAPTURE(title);
        std::vector<AgendaItem> items = many_items(title);
        const bool replacing = std::string_view(title) == "Second";
        if (replacing) {
            items[3].topics.clear();
        }
        stores.put(items);
        CHECK(stores.batched->agenda_items() == stores.single->agenda_items());
        CHECK(last_changes(*stores.batched) == last_changes(*stores.single));
        CHECK(last_changes(*stores.batched).size() == 20);
        CHECK(every_change_has_before(*stores.batched, replacing));
    }
    CHECK(stores.batched->agenda_items().at(3).topics.empty());
    CHECK(stores.batched->agenda_items().at(4).topics == std::vector<TopicId>{TopicId{"votes"}});

    // An id twice in one batch: the later one stands, each recorded against the one before it.
    const std::vector<AgendaItem> twice = {many_items("Third")[0], many_items("Fourth")[0]};
    stores.put(twice);
    CHECK(stores.batched->agenda_items().at(0).title == "Fourth rc-1");
    CHECK(last_changes(*stores.batched) == last_changes(*stores.single));
    CHECK(last_changes(*stores.batched).size() == 2);
}

STORE_TEST_CASE("put_meetings stores and records a batch as putting each meeting in turn does") {
    TwoStores stores(backend);
    for (const char* title : {"First", "Second"}) {
        CAPTURE(title);
        stores.put(many_days(title));
        CHECK(stores.batched->meetings() == stores.single->meetings());
        CHECK(last_changes(*stores.batched) == last_changes(*stores.single));
        CHECK(last_changes(*stores.batched).size() == 20);
        CHECK(every_change_has_before(*stores.batched, std::string_view(title) == "Second"));
    }

    // A meeting and the day under it in one batch: written parent first, each checked against it.
    Meeting other = test::ga_meeting("ga-2", "Session two", Date{2002, 9, 1});
    other.end_date = Date{2002, 9, 3};
    const std::vector<Meeting> with_child = {other, test::ga_meeting("day-x", "", Date{2002, 9, 2}, other.id)};
    stores.put(with_child);
    CHECK(stores.batched->meetings() == stores.single->meetings());
    CHECK(last_changes(*stores.batched) == last_changes(*stores.single));
}

STORE_TEST_CASE("a batch of meetings passes the rules one by one: a day outside its session is refused") {
    const test::ScratchDatabase db = backend.create();
    auto store = db.open();
    store->import(assembly());
    std::vector<Meeting> days = many_days("Day");
    days[7].date = Date{2001, 9, 21}; // after the session's last day
    {
        auto session = store->begin_import();
        CHECK_THROWS_WITH_AS(session->put_meetings(days), doctest::Contains("meeting \"day-8\""), invalid_input_error);
    }
    CHECK(store->meetings().size() == 1);
}

STORE_TEST_CASE("a batch that re-dates a meeting re-dates the stances that take their date from it") {
    const test::ScratchDatabase db = backend.create();
    auto store = db.open();
    Dataset d = assembly();
    d.actors.push_back(Actor{ActorId{"nld"}, ActorKind::state, "Netherlands", "NL", "NLD", {}});
    std::vector<Meeting> days = many_days("Day");
    d.meetings.insert(d.meetings.end(), days.begin(), days.end());
    d.stances.push_back(Stance{.id = StanceId{"s"},
                               .actor = ActorId{"nld"},
                               .topic = TopicId{"votes"},
                               .meeting = MeetingId{"day-5"},
                               .kind = PositionKind::support,
                               .score = 1.0}); // takes its date from day-5
    store->import(d);
    CHECK(db.sql("SELECT effective_date FROM stance WHERE slug = 's'") == "2001-09-05");
    days[4].date = Date{2001, 9, 6};
    auto session = store->begin_import();
    session->put_meetings(days);
    session->commit();
    CHECK(db.sql("SELECT effective_date FROM stance WHERE slug = 's'") == "2001-09-06");
}
