// Bit planes of votes; see stance/query/vote_matrix.hpp.
#include "stance/query/vote_matrix.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <numeric>

namespace stance {

namespace {

/// 0 yes, 1 abstain, 2 no: the plane, and the row and column of the agreement table.
std::size_t plane_of(VoteCode vote) noexcept {
    switch (vote) {
    case VoteCode::yes: return 0;
    case VoteCode::abstain: return 1;
    case VoteCode::no: return 2;
    default: return 3; // not a position: in no plane
    }
}

// The pair loop is most of an agreement matrix's time, and std::popcount is a library call unless
// the compiler may assume the POPCNT instruction, which the x86-64 baseline leaves out. So on x86-64
// the loop is compiled twice and the loader picks the POPCNT one where the processor has it (every
// x86-64 processor since about 2008).
#if defined(__x86_64__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define STANCE_POPCNT_CLONES __attribute__((target_clones("popcnt", "default")))
#endif
#endif
#ifndef STANCE_POPCNT_CLONES
#define STANCE_POPCNT_CLONES
#endif

/// table[x][y]: the roll calls on which the first row cast x and the second y; each row is its
/// three planes (yes, abstain, no) of `words` words, one after the other.
STANCE_POPCNT_CLONES
std::array<std::array<std::uint32_t, 3>, 3> vote_table(const std::uint64_t* first, const std::uint64_t* second,
                                                       std::size_t words) noexcept {
    std::array<std::array<std::uint32_t, 3>, 3> table{};
    for (std::size_t w = 0; w < words; ++w) {
        for (std::size_t x = 0; x < 3; ++x) {
            const std::uint64_t mine = first[x * words + w];
            for (std::size_t y = 0; y < 3; ++y) {
                table[x][y] += static_cast<std::uint32_t>(std::popcount(mine & second[y * words + w]));
            }
        }
    }
    return table;
}

} // namespace

VoteBook::VoteBook(RecordedVotes votes) : m_votes(std::move(votes)) {
    // A counting sort by roll call: stable, linear, and most stores return them grouped already.
    std::vector<std::size_t> counts(m_votes.roll_calls.size() + 1, 0);
    for (const RecordedVotes::Cast& cast : m_votes.casts) {
        ++counts[cast.roll_call + 1];
    }
    std::partial_sum(counts.begin(), counts.end(), counts.begin());
    m_starts = counts;
    std::vector<RecordedVotes::Cast> sorted(m_votes.casts.size());
    for (const RecordedVotes::Cast& cast : m_votes.casts) {
        sorted[counts[cast.roll_call]++] = cast;
    }
    m_votes.casts = std::move(sorted);
}

std::span<const RecordedVotes::Cast> VoteBook::casts(std::uint32_t roll_call) const {
    return std::span<const RecordedVotes::Cast>(m_votes.casts)
        .subspan(m_starts.at(roll_call), m_starts.at(roll_call + 1) - m_starts.at(roll_call));
}

bool VoteBook::unanimous(std::uint32_t roll_call) const {
    std::optional<VoteCode> seen;
    for (const RecordedVotes::Cast& cast : casts(roll_call)) {
        if (plane_of(cast.vote) > 2) {
            continue;
        }
        if (seen && *seen != cast.vote) {
            return false;
        }
        seen = cast.vote;
    }
    return true;
}

VoteMatrix::VoteMatrix(const VoteBook& book, std::span<const std::uint32_t> roll_calls,
                       std::span<const std::uint32_t> actors)
    : m_roll_calls(roll_calls.size()), m_words((roll_calls.size() + 63) / 64) {
    const RecordedVotes& votes = book.votes();
    std::vector<bool> wanted(votes.actors.size(), actors.empty());
    for (std::uint32_t actor : actors) {
        wanted.at(actor) = true;
    }
    std::vector<bool> present(votes.actors.size(), false);
    for (std::uint32_t roll_call : roll_calls) {
        for (const RecordedVotes::Cast& cast : book.casts(roll_call)) {
            present[cast.actor] = present[cast.actor] || (wanted[cast.actor] && plane_of(cast.vote) <= 2);
        }
    }
    for (std::uint32_t actor = 0; actor < present.size(); ++actor) {
        if (present[actor]) {
            m_actors.push_back(actor);
        }
    }
    std::sort(m_actors.begin(), m_actors.end(),
              [&](std::uint32_t a, std::uint32_t b) { return votes.actors[a] < votes.actors[b]; });
    std::vector<std::size_t> row(votes.actors.size(), m_actors.size());
    for (std::size_t r = 0; r < m_actors.size(); ++r) {
        row[m_actors[r]] = r;
    }

    m_bits.assign(m_actors.size() * 3 * m_words, 0);
    for (std::size_t column = 0; column < roll_calls.size(); ++column) {
        const std::uint64_t bit = std::uint64_t{1} << (column % 64);
        const std::size_t word = column / 64;
        for (const RecordedVotes::Cast& cast : book.casts(roll_calls[column])) {
            const std::size_t kind = plane_of(cast.vote);
            const std::size_t r = row[cast.actor];
            if (kind > 2 || r == m_actors.size()) {
                continue;
            }
            std::uint64_t* bits = m_bits.data() + r * 3 * m_words + word;
            if (((bits[0] | bits[m_words] | bits[2 * m_words]) & bit) == 0) { // the first cast counts
                bits[kind * m_words] |= bit;
            }
        }
    }
}

std::size_t VoteMatrix::row_of(std::uint32_t actor) const noexcept {
    for (std::size_t r = 0; r < m_actors.size(); ++r) {
        if (m_actors[r] == actor) {
            return r;
        }
    }
    return m_actors.size();
}

AgreementCounts VoteMatrix::counts(std::size_t a, std::size_t b) const noexcept {
    return AgreementCounts::from_table(vote_table(plane(a, 0), plane(b, 0), m_words));
}

} // namespace stance
