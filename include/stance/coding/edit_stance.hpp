// Changing a coded stance after the fact: the fields a coder corrects (position, quote, note, …)
// written through the store's checked write path, so the write rules apply and the history records
// the stance before and after (stance/store/history.hpp). A new quote is found in the stance's
// document as `stance locate` finds one (typographic variants allowed) and stored as the exact text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "stance/model/document.hpp"
#include "stance/model/stance.hpp"
#include "stance/store/history.hpp"

namespace stance {

class Store;

/// The fields to change; those left empty keep their value.
struct StanceEdit {
    std::optional<PositionKind> kind;
    /// Without it, a new kind takes its default score (docs/position-scale.md).
    std::optional<double> score;
    std::optional<std::string> quote;
    std::optional<std::string> paraphrase;
    std::optional<std::string> note;
    std::optional<double> confidence;
    std::optional<Basis> basis;
    std::optional<Breadth> breadth;
    std::optional<ActorId> actor;
    std::optional<TopicId> topic;
    std::optional<PropositionId> proposition;

    [[nodiscard]] bool empty() const noexcept;
};

/// The exact span of `quote` in `document`'s text between bytes `from` and `to` (the whole text by
/// default). Throws not_found_error saying where the quote first differs, or every place it
/// occurs when it is not unique; invalid_input_error when the document's text is not stored.
[[nodiscard]] SourceSpan locate_in_document(const Document& document, std::string_view quote, std::size_t from = 0,
                                            std::size_t to = std::string::npos);

/// What `edit` makes of `stance`, a new quote found again in its document as edit_stance does, without
/// writing anything: for a writer that checks more inside its own session before the put (the
/// workbench's If-Match). Throws as edit_stance does for the quote.
[[nodiscard]] Stance edited_stance(const Store& store, Stance stance, const StanceEdit& edit);

/// Applies `edit` to stored stance `id` in one recorded change set (action "edit" unless `note`
/// says otherwise) and returns the stance as written. Throws not_found_error for an unknown id,
/// invalid_input_error when the edited stance breaks a write rule (nothing is written then).
Stance edit_stance(Store& store, const StanceId& id, const StanceEdit& edit, ChangeNote note = {});

} // namespace stance
