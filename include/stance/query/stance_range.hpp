// The stances a filter selects as an input range, for range-for and the standard algorithms:
//
//     for (const stance::Stance& s : database.stances(filter)) { ... }
//
// The same rows in the same order as Store::stances (effective date, then meeting, then id), read
// one calendar year at a time: memory holds a year's matches, not all of them, and a loop that
// stops early reads no further. Every year is read through the same store and catalog, so while
// the catalog lives (it holds the store's read snapshot) all years come from one state of the
// database. The range is single-pass: begin() once.
#pragma once

#include <cstddef>
#include <iterator>
#include <optional>
#include <vector>

#include "stance/model/stance.hpp"
#include "stance/store/store.hpp"

namespace stance {

class Catalog;

class StanceRange {
public:
    /// `catalog` must stay alive while the range is read; it gives the years there are meetings in.
    StanceRange(const Store& store, const Catalog& catalog, StanceFilter filter);

    class iterator {
    public:
        using iterator_concept = std::input_iterator_tag;
        using value_type = Stance;
        using difference_type = std::ptrdiff_t;
        using reference = const Stance&;

        iterator() = default;
        [[nodiscard]] reference operator*() const { return m_range->m_page[m_range->m_index]; }
        [[nodiscard]] const Stance* operator->() const { return &**this; }
        iterator& operator++() {
            m_range->advance();
            return *this;
        }
        void operator++(int) { ++*this; }
        [[nodiscard]] friend bool operator==(const iterator& it, std::default_sentinel_t) noexcept {
            return it.at_end();
        }

    private:
        friend class StanceRange;
        explicit iterator(StanceRange* range) : m_range(range) {}
        [[nodiscard]] bool at_end() const noexcept { return m_range == nullptr || m_range->done(); }
        StanceRange* m_range = nullptr;
    };

    [[nodiscard]] iterator begin();
    // NOLINTNEXTLINE(readability-convert-member-functions-to-static) range-for calls it on the range
    [[nodiscard]] std::default_sentinel_t end() const noexcept { return {}; }

    /// Reads the rest into a vector.
    [[nodiscard]] std::vector<Stance> to_vector();

private:
    struct Window {
        std::optional<Date> from;
        std::optional<Date> to;
    };
    void advance();
    void load_until_nonempty();
    [[nodiscard]] bool done() const noexcept { return m_index >= m_page.size() && m_next_window >= m_windows.size(); }

    const Store* m_store;
    StanceFilter m_filter;
    std::vector<Window> m_windows;
    std::size_t m_next_window = 0;
    std::vector<Stance> m_page;
    std::size_t m_index = 0;
};

} // namespace stance
