// Reading a filter's stances one calendar year at a time; see stance/query/stance_range.hpp.
#include "stance/query/stance_range.hpp"

#include <algorithm>
#include <utility>

#include "stance/query/catalog.hpp"

namespace stance {

namespace {

/// The years from the first meeting's to the last meeting's last day; nothing without meetings.
std::pair<int, int> meeting_years(const Catalog& catalog) {
    int first = 0;
    int last = -1;
    for (const Meeting& meeting : catalog.meetings()) {
        if (first > last) {
            first = meeting.date.year();
            last = meeting.last_day().year();
        }
        first = std::min(first, meeting.date.year());
        last = std::max(last, meeting.last_day().year());
    }
    return {first, last};
}

std::optional<Date> later(const std::optional<Date>& a, const std::optional<Date>& b) {
    if (!a || !b) {
        return a ? a : b;
    }
    return std::max(*a, *b);
}

std::optional<Date> earlier(const std::optional<Date>& a, const std::optional<Date>& b) {
    if (!a || !b) {
        return a ? a : b;
    }
    return std::min(*a, *b);
}

} // namespace

StanceRange::StanceRange(const Store& store, const Catalog& catalog, StanceFilter filter)
    : m_store(&store), m_filter(std::move(filter)) {
    catalog.check_built_from(store);
    const auto [first, last] = meeting_years(catalog);
    // The first window is open below and the last open above, so a stance dated outside every
    // meeting's years (or a store without meetings) is still read.
    for (int year = first; year <= last; ++year) {
        Window window;
        if (year > first) {
            window.from = Date{year, 1, 1};
        }
        if (year < last) {
            window.to = Date{year, 12, 31};
        }
        window.from = later(window.from, m_filter.from);
        window.to = earlier(window.to, m_filter.to);
        if (!window.from || !window.to || *window.from <= *window.to) {
            m_windows.push_back(window);
        }
    }
    if (first > last) {
        m_windows.push_back(Window{m_filter.from, m_filter.to});
    }
}

StanceRange::iterator StanceRange::begin() {
    load_until_nonempty();
    return iterator{this};
}

std::vector<Stance> StanceRange::to_vector() {
    std::vector<Stance> all;
    for (const Stance& stance : *this) {
        all.push_back(stance);
    }
    return all;
}

void StanceRange::advance() {
    ++m_index;
    load_until_nonempty();
}

void StanceRange::load_until_nonempty() {
    while (m_index >= m_page.size() && m_next_window < m_windows.size()) {
        StanceFilter filter = m_filter;
        filter.from = m_windows[m_next_window].from;
        filter.to = m_windows[m_next_window].to;
        ++m_next_window;
        m_page = m_store->stances(filter);
        m_index = 0;
    }
}

} // namespace stance
