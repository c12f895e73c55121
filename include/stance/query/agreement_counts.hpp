// The counts behind a voting-agreement figure between two actors, and the figures themselves.
//
// A roll call counts for a pair when both cast yes, abstain or no; absent and not_member never
// count. Over those roll calls (docs/agreement.md gives the formulas and their sources):
//   n       roll calls both voted on;
//   agree   roll calls on which they voted identically; share = agree / n;
//   kappa   Cohen's kappa over the three vote categories: (p_o - p_e) / (1 - p_e), where p_o is the
//           share of identical votes and p_e the share expected by chance from each actor's own mix
//           of yes, abstain and no. Undefined (nothing) when p_e = 1, i.e. both cast one same kind only;
//   s_score Signorino and Ritter's S (1999): 1 - 2 d / d_max, with votes on the scale yes = +1,
//           abstain = 0, no = -1, d the sum of absolute differences and d_max = 2 n. S runs from -1
//           (always opposite) to +1 (always the same); an abstention against a yes counts half.
//           Voeten's dyadic agreement index is (1 + S) / 2 (`voeten_agreement`).
#pragma once

#include <array>
#include <cstdint>
#include <optional>

namespace stance {

struct AgreementCounts {
    /// table[i][j]: roll calls on which the first actor cast i and the second j (0 yes, 1 abstain, 2 no).
    std::array<std::array<std::uint32_t, 3>, 3> table{};
    std::uint32_t n = 0;
    std::uint32_t agree = 0;
    double distance = 0.0; ///< Sum of |a - b| on the -1/0/+1 scale.

    /// The counts of a full table (n, agree and distance follow from it).
    [[nodiscard]] static AgreementCounts from_table(const std::array<std::array<std::uint32_t, 3>, 3>& table) noexcept;
    void add(int first, int second) noexcept;
    [[nodiscard]] std::optional<double> share() const noexcept;
    [[nodiscard]] std::optional<double> kappa() const noexcept;
    [[nodiscard]] std::optional<double> s_score() const noexcept;
    /// (1 + S) / 2: 1 always the same, 0 always opposite, 0.5 an abstention against every vote.
    [[nodiscard]] std::optional<double> voeten_agreement() const noexcept;

    friend bool operator==(const AgreementCounts&, const AgreementCounts&) = default;
};

} // namespace stance
