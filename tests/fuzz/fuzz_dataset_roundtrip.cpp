// libFuzzer target: every dataset that validates must import into a fresh store, and its export must
// be a fixed point: export → parse → validate → import → export gives the same bytes. This checks the
// writer, the SQLite import and the reads against each other on inputs nobody thought of.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"

namespace {

std::string export_of(const stance::Dataset& dataset) {
    auto store = stance::Store::open(":memory:");
    store->import(dataset);
    return stance::write_dataset(store->to_dataset());
}

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "round trip broken: %s\n%s\n", what, detail.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    stance::Dataset dataset;
    try {
        dataset = stance::parse_dataset(json, "fuzz.json", STANCE_FUZZ_DOCUMENT_DIR);
        stance::validate_dataset(dataset, "fuzz.json");
    } catch (const stance::error&) {
        return 0; // refused input: the other target covers that path
    }
    // From here on the input was accepted, so every step must succeed.
    std::string first;
    try {
        first = export_of(dataset);
    } catch (const stance::error& failure) {
        fail("a validated dataset did not import", failure.what());
    }
    stance::Dataset reread;
    try {
        reread = stance::parse_dataset(first, "export.json", STANCE_FUZZ_DOCUMENT_DIR);
        stance::validate_dataset(reread, "export.json");
    } catch (const stance::error& failure) {
        fail("the export of an accepted dataset was refused", std::string(failure.what()) + "\n" + first);
    }
    const std::string second = export_of(reread);
    if (second != first) {
        fail("export → import → export changed the bytes", first + "\n----\n" + second);
    }
    return 0;
}
