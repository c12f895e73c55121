// The agreement figure that weighs a tie (stance/query/agreement_weight.hpp).
#include "stance/query/agreement_weight.hpp"

#include <utility>

#include "network/enum_names.hpp"

namespace stance {

namespace {

constexpr detail::EnumNames<AgreementWeight, 3> weight_names{
    std::pair{AgreementWeight::share, std::string_view{"share"}},
    std::pair{AgreementWeight::kappa, std::string_view{"kappa"}},
    std::pair{AgreementWeight::s_score, std::string_view{"s"}}};

} // namespace

std::optional<AgreementWeight> parse_agreement_weight(std::string_view text) noexcept {
    return detail::parse_enum(weight_names, text);
}

std::string_view to_string(AgreementWeight weight) noexcept {
    return detail::enum_name(weight_names, weight);
}

std::optional<double> agreement_figure(const AgreementCounts& counts, AgreementWeight weight) noexcept {
    switch (weight) {
    case AgreementWeight::share: return counts.share();
    case AgreementWeight::kappa: return counts.kappa();
    case AgreementWeight::s_score: return counts.s_score();
    }
    return std::nullopt;
}

double lowest_figure(AgreementWeight weight) noexcept {
    return weight == AgreementWeight::share ? 0.0 : -1.0;
}

} // namespace stance
