// libFuzzer target: import_unga on arbitrary tables. The input is split at the first two NUL bytes
// into un_roll_calls.csv, un_roll_call_issues.csv and un_votes.csv, written to a private directory
// and imported into a fresh in-memory store. The import must succeed or throw a stance::error; a
// successful one must be an upsert: importing the same tables again changes nothing.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"

namespace {

const std::filesystem::path& work_directory() {
    static const std::filesystem::path directory = [] {
        std::string pattern = (std::filesystem::temp_directory_path() / "stance-fuzz-unga-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            std::abort();
        }
        return std::filesystem::path(pattern);
    }();
    return directory;
}

void write_table(const char* name, std::string_view bytes) {
    std::ofstream out(work_directory() / name, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// The next part of `rest` up to a NUL (or all of it), removing it and the NUL from `rest`.
std::string_view take_part(std::string_view& rest) {
    const std::size_t end = rest.find('\0');
    const std::string_view part = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    return part;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    write_table("un_roll_calls.csv", take_part(rest));
    write_table("un_roll_call_issues.csv", take_part(rest));
    write_table("un_votes.csv", rest);

    auto store = stance::Store::open(":memory:");
    try {
        stance::import_unga(*store, work_directory());
    } catch (const stance::error&) {
        return 0; // refused: the right outcome for bad tables
    }
    const std::string first = stance::write_dataset(store->to_dataset());
    try {
        stance::import_unga(*store, work_directory());
    } catch (const stance::error& failure) {
        std::fprintf(stderr, "tables that imported once were refused the second time: %s\n", failure.what());
        std::abort();
    }
    if (stance::write_dataset(store->to_dataset()) != first) {
        std::fprintf(stderr, "importing the same tables again changed the database\n");
        std::abort();
    }
    return 0;
}
