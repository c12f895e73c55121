// The UN's bodies, topics, meetings and agenda items; see structure.hpp.
#include "unga/structure.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "stance/text/utf8.hpp"

namespace stance::unga {

namespace {

// Aliases that let analysts name an issue as they would say it; the labels themselves come from the data.
std::vector<Name> issue_aliases(const std::string& code) {
    static const std::map<std::string, std::vector<Name>, std::less<>> aliases{
        {"me",
         {{"en", "Israeli-Palestinian conflict"}, {"en", "Middle East"}, {"nl", "Israëlisch-Palestijns conflict"}}},
        {"nu", {{"en", "nuclear weapons"}, {"nl", "kernwapens"}}},
        {"di", {{"en", "disarmament"}, {"en", "arms control"}, {"nl", "ontwapening"}}},
        {"hr", {{"en", "human rights"}, {"nl", "mensenrechten"}}},
        {"co", {{"en", "colonialism"}, {"en", "decolonization"}, {"nl", "dekolonisatie"}}},
        {"ec", {{"en", "economic development"}, {"en", "development"}, {"nl", "economische ontwikkeling"}}},
    };
    std::vector<Name> names{{"und", code}};
    if (auto found = aliases.find(code); found != aliases.end()) {
        names.insert(names.end(), found->second.begin(), found->second.end());
    }
    return names;
}

// The roll call's short title; 573 roll calls (1997-2017) have none, and their description
// starts with the title instead ("Jerusalem : resolution / adopted by the General Assembly").
std::string agenda_title(const RollCall& call) {
    if (!call.title.empty()) {
        return call.title;
    }
    std::string_view text = call.description;
    if (const auto colon = text.find(" : "); colon != std::string_view::npos) {
        text = text.substr(0, colon);
    }
    constexpr std::size_t longest = 120;
    if (text.size() > longest) {
        std::size_t cut = text.rfind(' ', longest);
        if (cut == std::string_view::npos) {
            cut = longest;
            while (cut > 0 && !is_char_boundary(text, cut)) {
                --cut; // never cut a UTF-8 character in two
            }
        }
        return fmt::format("{}...", text.substr(0, cut));
    }
    return text.empty() ? fmt::format("Roll call {}", call.rcid) : std::string(text);
}

void write_organisation(ImportSession& session) {
    session.put(Actor{united_nations,
                      ActorKind::organisation,
                      "United Nations",
                      "",
                      "",
                      {{"en", "UN"},
                       {"nl", "Verenigde Naties"},
                       {"fr", "Organisation des Nations unies"},
                       {"de", "Vereinte Nationen"},
                       {"es", "Naciones Unidas"}}});
    session.put(Body{unga_body,
                     "United Nations General Assembly",
                     {{"en", "UNGA"},
                      {"en", "General Assembly"},
                      {"nl", "Algemene Vergadering van de Verenigde Naties"},
                      {"fr", "Assemblée générale des Nations unies"}},
                     united_nations});
}

void write_topics(ImportSession& session, const RollCalls& roll_calls) {
    session.put(Topic{unga_resolutions_topic,
                      {},
                      "UN General Assembly resolutions and motions",
                      {{"en", "UNGA votes"}, {"en", "UN votes"}},
                      std::nullopt,
                      {}});
    for (const auto& [code, label] : roll_calls.issue_labels) {
        session.put(
            Topic{unga_issue_topic(code), {unga_resolutions_topic}, label, issue_aliases(code), std::nullopt, {}});
    }
}

// Sessions run from their first roll call to their last (a meeting inside another falls within
// its days); dates are meetings under their session.
void write_meetings(ImportSession& session, const RollCalls& roll_calls, UngaImportSummary& summary) {
    std::map<int, std::pair<Date, Date>> session_days;
    std::map<MeetingId, const RollCall*> date_meetings;
    for (const auto& [rcid, call] : roll_calls.by_rcid) {
        auto [days, added] = session_days.emplace(call.session, std::pair{call.date, call.date});
        days->second.first = std::min(days->second.first, call.date);
        days->second.second = std::max(days->second.second, call.date);
        date_meetings.emplace(call.meeting, &call);
    }
    std::vector<Meeting> sessions; // the parents, written before the days under them
    sessions.reserve(session_days.size());
    for (const auto& [session_number, days] : session_days) {
        sessions.push_back(Meeting{unga_session_meeting(session_number), unga_body,
                                   fmt::format("UN General Assembly, session {}", session_number), "plenary",
                                   days.first, "", std::nullopt, days.second});
    }
    session.put_meetings(sessions);
    std::vector<Meeting> dates;
    dates.reserve(date_meetings.size());
    for (const auto& [id, call] : date_meetings) {
        dates.push_back(Meeting{
            id, unga_body,
            fmt::format("UN General Assembly, session {}: roll-call votes of {}", call->session, call->date.iso()),
            "plenary", call->date, "", unga_session_meeting(call->session), std::nullopt});
    }
    session.put_meetings(dates);
    summary.sessions = session_days.size();
    summary.meetings = date_meetings.size();
}

void write_agenda_items(ImportSession& session, const RollCalls& roll_calls) {
    std::map<MeetingId, int> order;
    std::vector<AgendaItem> items;
    items.reserve(roll_calls.by_rcid.size());
    for (const auto& [rcid, call] : roll_calls.by_rcid) {
        items.push_back(AgendaItem{call.item, call.meeting, ++order[call.meeting], agenda_title(call), call.code,
                                   call.description, call.topics, call.flags});
    }
    session.put_agenda_items(items);
}

} // namespace

void write_structure(ImportSession& session, const RollCalls& roll_calls, UngaImportSummary& summary) {
    write_organisation(session);
    write_topics(session, roll_calls);
    write_meetings(session, roll_calls, summary);
    write_agenda_items(session, roll_calls);
    summary.roll_calls = roll_calls.by_rcid.size();
}

} // namespace stance::unga
