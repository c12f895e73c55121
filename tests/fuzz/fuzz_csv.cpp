// libFuzzer target: the streaming CSV reader (include/stance/io/csv.hpp) on arbitrary bytes. The
// first byte picks the options (blank lines, a small record limit, the un_votes header), the rest is
// the CSV. Reading must end at the end of the input or with a stance::error, and every record must
// keep the reader's promises: fields are well-formed UTF-8, positions are 1-based, and byte spans
// lie inside the input in order.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "stance/error.hpp"
#include "stance/io/csv.hpp"
#include "stance/text/utf8.hpp"

namespace {

[[noreturn]] void broken(const char* promise) {
    std::fprintf(stderr, "CSV reader broke a promise: %s\n", promise);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::uint8_t choice = data[0];
    const std::string_view csv(reinterpret_cast<const char*>(data + 1), size - 1);
    stance::CsvOptions options;
    options.skip_blank_lines = (choice & 1) != 0;
    if ((choice & 2) != 0) {
        options.max_record_bytes = 64; // reach the limit with small inputs
    }
    try {
        stance::CsvReader reader(stance::memory_source(csv), "fuzz.csv", options);
        if ((choice & 4) != 0) {
            constexpr std::array<std::string_view, 4> columns{"rcid", "country", "country_code", "vote"};
            reader.expect_header(columns);
        }
        stance::CsvRecord record;
        std::uint64_t previous_end = 0;
        while (reader.next(record)) {
            if (record.byte_begin() > record.byte_end() || record.byte_end() > csv.size() ||
                record.byte_begin() < previous_end) {
                broken("a record's bytes lie inside the input, in order");
            }
            previous_end = record.byte_end();
            for (std::size_t i = 0; i < record.size(); ++i) {
                if (!stance::is_valid_utf8(record.field(i))) {
                    broken("fields are well-formed UTF-8");
                }
                if (record.position(i).line < 1 || record.position(i).column < 1) {
                    broken("positions are 1-based");
                }
            }
        }
    } catch (const stance::error&) {
        // Refusing bad input with a stance error is the correct outcome.
    }
    return 0;
}
