// Reading a dataset from a file: only a regular file, whose name every error then carries.
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"

namespace stance {

namespace {

std::string read_file(const std::filesystem::path& file, const std::string& who_needs_it) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw invalid_input_error(who_needs_it,
                                  fmt::format("cannot read file {}: check that it exists", file.string()));
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

} // namespace

Dataset read_dataset_file(const std::filesystem::path& file, const DatasetReadOptions& options) {
    std::error_code ec;
    if (const auto status = std::filesystem::status(file, ec);
        std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        // A directory would read as nothing, and a device such as /dev/zero would never end.
        throw invalid_input_error(file.string(), "is not a regular file; pass a dataset file (.json)");
    }
    const std::string text = read_file(file, file.string());
    return parse_dataset(text, file.string(), file.parent_path(), options);
}

} // namespace stance
