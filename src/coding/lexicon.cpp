// Loading the suggestion lexicons: tab-separated files with '#' comment lines and a header row
// (the format is described at the top of data/lexicons/cues.nl.tsv).
#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "stance/coding/suggest.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"

namespace stance {

namespace {

struct Row {
    std::vector<std::string> fields;
    std::size_t line = 0;
};

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t from = 0;
    while (true) {
        const std::size_t tab = line.find('\t', from);
        fields.push_back(line.substr(from, tab == std::string::npos ? std::string::npos : tab - from));
        if (tab == std::string::npos) {
            return fields;
        }
        from = tab + 1;
    }
}

/// The data rows of a lexicon file: comments, blank lines and the header row left out.
std::vector<Row> read_rows(const std::filesystem::path& file, std::size_t columns) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw invalid_input_error(file.string(), "cannot read the lexicon file");
    }
    std::vector<Row> rows;
    std::string line;
    bool header_seen = false;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.empty() || line.front() == '#') {
            continue;
        }
        if (!header_seen) {
            header_seen = true;
            continue;
        }
        Row row{split_tabs(line), number};
        if (row.fields.size() != columns) {
            throw invalid_input_error(fmt::format("{}:{}", file.string(), number),
                                      fmt::format("{} tab-separated fields, expected {}", row.fields.size(), columns));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

[[noreturn]] void bad_field(const std::filesystem::path& file, std::size_t line, const std::string& what) {
    throw invalid_input_error(fmt::format("{}:{}", file.string(), line), what);
}

std::optional<CueType> cue_type_of(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, CueType>, 7> names = {
        {{"report", CueType::report},
         {"stance", CueType::stance},
         {"breadth", CueType::breadth},
         {"first_person", CueType::first_person},
         {"pronoun", CueType::pronoun},
         {"impersonal", CueType::impersonal},
         {"members", CueType::members}}};
    for (const auto& [name, type] : names) {
        if (name == text) {
            return type;
        }
    }
    return std::nullopt;
}

Cue cue_of(const Row& row, const std::filesystem::path& file, const std::string& language) {
    Cue cue;
    const auto type = cue_type_of(row.fields[0]);
    if (!type) {
        bad_field(
            file, row.line,
            fmt::format("type \"{}\" is not one of report, stance, breadth, first_person, pronoun, impersonal, members",
                        row.fields[0]));
    }
    cue.type = *type;
    cue.phrase = row.fields[1];
    cue.language = language;
    if (cue.phrase.empty()) {
        bad_field(file, row.line, "the phrase is empty");
    }
    const std::string& value = row.fields[2];
    if (cue.type == CueType::stance) {
        const auto polarity = parse_position_kind(value);
        if (!polarity) {
            bad_field(file, row.line,
                      fmt::format("polarity \"{}\" is not a position (support, oppose, concern …)", value));
        }
        cue.polarity = *polarity;
    } else if (cue.type == CueType::breadth) {
        const auto breadth = parse_breadth(value);
        if (!breadth || *breadth == Breadth::single) {
            bad_field(file, row.line, fmt::format("breadth \"{}\" is not one of all, broad, many, some", value));
        }
        cue.breadth = *breadth;
    }
    if (cue.type == CueType::report || cue.type == CueType::stance || cue.type == CueType::impersonal) {
        const std::string& text = row.fields[3];
        const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), cue.weight);
        if (failure != std::errc() || end != text.data() + text.size() || cue.weight < 0.0 || cue.weight > 1.0) {
            bad_field(file, row.line, fmt::format("weight \"{}\" is not a number from 0 to 1", text));
        }
    }
    return cue;
}

/// "cues.nl.tsv" → "nl".
std::string language_of(const std::filesystem::path& file) {
    const std::string stem = file.stem().string(); // "cues.nl"
    const std::size_t dot = stem.find('.');
    return dot == std::string::npos ? "" : stem.substr(dot + 1);
}

} // namespace

Lexicon load_lexicon(const std::filesystem::path& directory) {
    if (!std::filesystem::is_directory(directory)) {
        throw invalid_input_error(directory.string(), "not a directory of lexicons (data/lexicons in the source tree)");
    }
    std::vector<std::filesystem::path> cue_files;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("cues.") && name.ends_with(".tsv")) {
            cue_files.push_back(entry.path());
        }
    }
    std::sort(cue_files.begin(), cue_files.end()); // the same order on every machine
    if (cue_files.empty()) {
        throw invalid_input_error(directory.string(), "holds no cues.<language>.tsv lexicon");
    }
    Lexicon lexicon;
    for (const auto& file : cue_files) {
        for (const Row& row : read_rows(file, 4)) {
            lexicon.cues.push_back(cue_of(row, file, language_of(file)));
        }
    }
    const auto words = directory / "actor-words.tsv";
    if (std::filesystem::exists(words)) {
        for (const Row& row : read_rows(words, 3)) {
            if (row.fields[0].empty() || row.fields[2].empty()) {
                bad_field(words, row.line, "a row needs a phrase and an actor id");
            }
            lexicon.actor_words.push_back({row.fields[0], row.fields[1], ActorId{row.fields[2]}});
        }
    }
    return lexicon;
}

std::string lexicon_sha256(const std::filesystem::path& directory) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() &&
            (name == "actor-words.tsv" || (name.starts_with("cues.") && name.ends_with(".tsv")))) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::string bytes;
    for (const std::filesystem::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            throw invalid_input_error(file.string(), "cannot be read; check that the file exists and is readable");
        }
        bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return sha256_hex(bytes);
}

} // namespace stance
