// The vote tables into an import session: un_votes (yes, no, abstain), then optionally the 2016
// full-codes release (absences and non-membership; its positions only checked against un_votes,
// the newer release, which wins). Rows are streamed, so memory stays flat however long the history;
// what is kept per roll call is one small cell per actor (the line and kind of its vote), to refuse
// duplicate votes and to merge the two releases. Each vote becomes a vote-shaped stance pointing at its row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <unordered_map>
#include <vector>

#include "stance/model/stance.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"
#include "unga/roll_calls.hpp"
#include "unga/vote_actors.hpp"

namespace stance::unga {

class VoteImport {
public:
    /// Writes into `session` of `store`; counts into `summary`. `roll_calls` must hold every roll
    /// call the votes name, and the structure (structure.hpp) must be written first.
    VoteImport(const Store& store, ImportSession& session, const RollCalls& roll_calls,
               const UngaProgressCallback& progress, UngaImportSummary& summary);

    void read_votes(const std::filesystem::path& file);
    /// votes_full_codes and ccode_to_country from `directory`.
    void read_full_codes(const std::filesystem::path& directory);
    /// Writes what is still batched and cleans the imported states' aliases; before the commit.
    void finish();

private:
    /// What is known about one actor's vote on one roll call: where it was read and what it was.
    struct Cast {
        std::uint32_t line = 0; // 0: none yet
        PositionKind kind = PositionKind::no_position;
    };

    Cast& cast(std::int64_t rcid, std::size_t actor);
    void merge_full_code(const CsvReader& reader, const CsvRecord& record, const RollCall& call, std::size_t actor,
                         PositionKind kind, const DocumentId& document);
    void put_vote(const RollCall& call, std::size_t actor, PositionKind kind, const DocumentId& document,
                  const CsvRecord& record);
    void flush();

    const Store& m_store;
    ImportSession& m_session;
    const RollCalls& m_roll_calls;
    const UngaProgressCallback& m_progress;
    UngaImportSummary& m_summary;
    VoteActors m_actors;
    std::unordered_map<std::int64_t, std::vector<Cast>> m_casts;
    // Votes go to the store in batches (ImportSession::put_votes), grouped by roll call as they
    // come, so each roll call's references are given once; the groups are reused. They are written
    // in the order of the file, roll call by roll call: the order of the store's vote table, which
    // has its own index by actor for the analyses that read one country's votes.
    static constexpr std::size_t batch_size = 32768; // votes
    RollCallVotes& group_for(const RollCall& call, const DocumentId& document);
    std::vector<RollCallVotes> m_batch;
    std::size_t m_groups = 0;       // the groups of m_batch in use
    std::int64_t m_group_rcid = -1; // the roll call of the last group in use
    std::size_t m_batched = 0;      // votes
};

} // namespace stance::unga
