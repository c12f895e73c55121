// Replays every input the fuzzers ever broke the reader with (tests/reliability/regressions/), through
// the same checks as the fuzz targets (tests/fuzz/): reading must end in a dataset or a stance::error,
// and an accepted dataset must import, and export → import → export must give the same bytes.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "reliability_support.hpp"

using namespace stance;

namespace {

std::vector<std::filesystem::path> regression_inputs() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry :
         std::filesystem::directory_iterator(test::source_dir() / "tests/reliability/regressions")) {
        if (entry.is_regular_file() && entry.path().filename() != "README.md") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string export_through_store(const Dataset& dataset) {
    auto store = Store::open(":memory:");
    store->import(dataset);
    return write_dataset(store->to_dataset());
}

/// Where the fuzz targets resolve document paths, so an input behaves here as it did there.
const std::filesystem::path document_dir = test::source_dir() / "data/seed";

} // namespace

TEST_CASE("every input that once broke the reader now reads or is refused cleanly") {
    const auto files = regression_inputs();
    if (files.empty()) {
        MESSAGE("no fuzzer findings in tests/reliability/regressions/ yet");
        return;
    }
    for (const auto& file : files) {
        CAPTURE(file.filename().string());
        const std::string bytes = test::read_text(file);
        Dataset dataset;
        try {
            dataset = parse_dataset(bytes, "regression", document_dir);
            validate_dataset(dataset, "regression");
        } catch (const stance::error&) {
            continue; // refused with a stance error: the right outcome for bad input
        } catch (const std::exception& failure) {
            FAIL_CHECK("not a stance::error: " << typeid(failure).name() << ": " << failure.what());
            continue;
        }
        const std::string first = export_through_store(dataset);
        Dataset reread = parse_dataset(first, "export", document_dir);
        validate_dataset(reread, "export");
        CHECK(export_through_store(reread) == first);
    }
}
