// import_unga: the unvotes tables (and optionally the 2016 full-codes release) into a Store, in one
// transaction. Every table is found before anything is read, the small tables (roll calls, issues)
// are read whole and become the structure the votes hang on, then the vote tables are streamed.
#include "stance/unga/import.hpp"

#include <memory>

#include "stance/error.hpp"
#include "stance/store/store.hpp"
#include "unga/roll_calls.hpp"
#include "unga/structure.hpp"
#include "unga/tables.hpp"
#include "unga/vote_import.hpp"

namespace stance {

UngaImportSummary import_unga(Store& store, const std::filesystem::path& directory, const UngaImportOptions& options,
                              const UngaProgressCallback& progress) {
    if (!std::filesystem::is_directory(directory)) {
        throw invalid_input_error(directory.string(), "not a directory; pass the directory that holds un_votes.csv.gz "
                                                      "(or .csv), un_roll_calls and un_roll_call_issues");
    }
    // Find every file before writing anything, so a missing table fails fast.
    const std::filesystem::path votes = unga::find_table(directory, "un_votes");
    const std::filesystem::path roll_call_table = unga::find_table(directory, "un_roll_calls");
    const std::filesystem::path issues = unga::find_table(directory, "un_roll_call_issues");
    const bool full_codes = !options.full_codes_directory.empty();
    if (full_codes) {
        (void)unga::find_table(options.full_codes_directory, "votes_full_codes");
        (void)unga::find_table(options.full_codes_directory, "ccode_to_country");
    }

    const std::unique_ptr<ImportSession> session = store.begin_import();
    UngaImportSummary summary;
    unga::RollCalls roll_calls = unga::read_roll_calls(roll_call_table, progress);
    unga::read_issues(issues, roll_calls, progress);
    summary.issue_links = roll_calls.issue_links;
    unga::write_structure(*session, roll_calls, summary);

    unga::VoteImport import(store, *session, roll_calls, progress, summary);
    import.read_votes(votes);
    if (full_codes) {
        import.read_full_codes(options.full_codes_directory);
    }
    import.finish();
    session->commit();
    return summary;
}

} // namespace stance
