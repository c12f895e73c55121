// Recorded votes as bit planes, so that the agreement of any pair of actors over any set of roll
// calls is a handful of popcounts. For each actor the matrix holds three rows of bits, one bit per
// roll call: voted yes, abstained, voted no (their union is "voted"). The 3 × 3 table of how two
// actors voted, and from it n, agreement, kappa and S, is the popcount of the AND of one row of
// each, 64 roll calls per machine word.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "stance/query/agreement_counts.hpp"
#include "stance/store/store.hpp"

namespace stance {

/// RecordedVotes with their casts indexed by roll call, read once and shared by every period's matrix.
class VoteBook {
public:
    explicit VoteBook(RecordedVotes votes);

    [[nodiscard]] const RecordedVotes& votes() const noexcept { return m_votes; }
    [[nodiscard]] std::span<const RecordedVotes::Cast> casts(std::uint32_t roll_call) const;
    /// Every yes, abstain or no cast on the roll call is the same (all yes, say): it tells no one apart.
    [[nodiscard]] bool unanimous(std::uint32_t roll_call) const;

private:
    RecordedVotes m_votes;             // casts sorted by roll call
    std::vector<std::size_t> m_starts; // casts of roll call r: [m_starts[r], m_starts[r + 1])
};

class VoteMatrix {
public:
    /// The votes on `roll_calls` (indices into book.votes().roll_calls) of every actor that cast one
    /// of them, or only of `actors` (indices into book.votes().actors) when that is not empty. Rows
    /// are in actor id order. An actor's second cast on a roll call, if the data has one, is ignored.
    VoteMatrix(const VoteBook& book, std::span<const std::uint32_t> roll_calls,
               std::span<const std::uint32_t> actors = {});

    [[nodiscard]] std::size_t actor_count() const noexcept { return m_actors.size(); }
    [[nodiscard]] std::size_t roll_call_count() const noexcept { return m_roll_calls; }
    /// The actor of row `row`, as an index into book.votes().actors.
    [[nodiscard]] std::uint32_t actor(std::size_t row) const { return m_actors.at(row); }
    /// The row of an actor (index into book.votes().actors), or actor_count() when it has none.
    [[nodiscard]] std::size_t row_of(std::uint32_t actor) const noexcept;
    /// How the actors of rows `a` and `b` voted on the roll calls both voted on.
    [[nodiscard]] AgreementCounts counts(std::size_t a, std::size_t b) const noexcept;

private:
    [[nodiscard]] const std::uint64_t* plane(std::size_t row, std::size_t kind) const noexcept {
        return m_bits.data() + (row * 3 + kind) * m_words;
    }

    std::vector<std::uint32_t> m_actors;
    std::size_t m_roll_calls = 0;
    std::size_t m_words = 0;
    std::vector<std::uint64_t> m_bits; // per row: yes, abstain, no planes of m_words words each
};

} // namespace stance
