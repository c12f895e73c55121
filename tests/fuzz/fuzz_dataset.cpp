// libFuzzer target: the dataset reader (parse_dataset, then validate_dataset) on arbitrary bytes.
// The only acceptable outcomes are a dataset or a stance::error; anything else (a crash, a sanitizer
// report, another exception type, a hang) is a bug. Documents given by "path" resolve against
// data/seed, so the real report text is reachable from the seed corpus.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    try {
        stance::Dataset dataset = stance::parse_dataset(json, "fuzz.json", STANCE_FUZZ_DOCUMENT_DIR);
        stance::validate_dataset(dataset, "fuzz.json", nullptr, STANCE_FUZZ_DOCUMENT_DIR);
    } catch (const stance::error&) {
        // Refusing bad input with a stance error is the correct outcome.
    }
    return 0;
}
