// A span of a data file; see source_bytes.hpp.
#include "stance/io/source_bytes.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/io/csv.hpp"

namespace stance {

std::string read_source_bytes(const std::filesystem::path& file, std::uint64_t start, std::uint64_t end) {
    if (end < start) {
        throw invalid_input_error(file.string(), fmt::format("the span {}-{} ends before it starts", start, end));
    }
    auto source = open_data_file(file);
    std::vector<char> buffer(std::size_t{1} << 16);
    std::uint64_t position = 0;
    std::string out;
    while (position < end) {
        const std::size_t count = source->read(buffer.data(), buffer.size());
        if (count == 0) {
            throw invalid_input_error(file.string(),
                                      fmt::format("the file has {} bytes, fewer than the span {}-{} needs; is this the "
                                                  "file the database was imported from?",
                                                  position, start, end));
        }
        const std::uint64_t chunk_end = position + count;
        if (chunk_end > start) {
            const std::uint64_t from = std::max(start, position) - position;
            const std::uint64_t to = std::min(end, chunk_end) - position;
            out.append(buffer.data() + from, static_cast<std::size_t>(to - from));
        }
        position = chunk_end;
    }
    return out;
}

} // namespace stance
