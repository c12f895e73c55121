// Spreadsheet coding (see stance_csv.hpp): the header decides which cell is which field, each row
// becomes a StanceCoding, and code_stances resolves and writes them all in one transaction. Each
// problem it reports is mapped back to the cell it came from.
#include "stance/coding/stance_csv.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "stance/error.hpp"
#include "stance/io/csv.hpp"

namespace stance {

namespace {

/// The fields a row cannot do without (the meeting may instead come from the agenda item).
constexpr std::array<std::string_view, 5> required_fields{"document", "actor", "claim", "position", "quote"};

/// A row as read: its number and where each of its cells starts.
struct RowPlace {
    std::size_t row = 0;
    std::vector<TextPosition> cells;
};

class CsvCoding {
public:
    CsvCoding(const std::filesystem::path& file, const StanceCoding& defaults) : m_reader(file), m_defaults(defaults) {}

    void read() {
        try {
            if (read_header()) {
                read_rows();
            }
        } catch (const invalid_input_error& broken) {
            // The file itself is malformed (an unclosed quote, not UTF-8): nothing after it can be read.
            std::string message = broken.what();
            if (message.starts_with(broken.where() + ": ")) {
                message.erase(0, broken.where().size() + 2);
            }
            m_report.problems.push_back(CsvCodingProblem{broken.where(), m_report.rows + 1, "", message});
        }
    }

    CsvCodingReport code(Store& store, std::string coded_at) {
        const CodingMode mode = m_report.problems.empty() ? CodingMode::write : CodingMode::check_only;
        CodingRun run = code_stances(store, m_codings, std::move(coded_at), mode);
        for (std::size_t i = 0; i < run.problems.size(); ++i) {
            for (const CodingProblem& problem : run.problems[i]) {
                m_report.problems.push_back(locate(m_places[i], problem));
            }
        }
        std::stable_sort(m_report.problems.begin(), m_report.problems.end(),
                         [](const CsvCodingProblem& a, const CsvCodingProblem& b) { return a.row < b.row; });
        m_report.written = run.written && mode == CodingMode::write;
        m_report.coded = std::move(run.coded);
        return std::move(m_report);
    }

private:
    void problem(TextPosition position, std::size_t row, std::string column, std::string message) {
        m_report.problems.push_back(
            CsvCodingProblem{m_reader.where(position), row, std::move(column), std::move(message)});
    }

    bool has(std::string_view field) const {
        const std::string* fallback = coding_field(m_defaults, field);
        return m_columns.contains(std::string(field)) || (fallback != nullptr && !fallback->empty());
    }

    /// Reads the header; false when it is unusable (then every row would be misread).
    bool read_header() {
        CsvRecord header;
        const std::string names = fmt::format("{}", fmt::join(coding_field_names(), ", "));
        if (!m_reader.next(header)) {
            problem(TextPosition{1, 1}, 0, "",
                    fmt::format("the file is empty; its first line names the columns, from: {}", names));
            return false;
        }
        const std::size_t before = m_report.problems.size();
        for (std::size_t i = 0; i < header.size(); ++i) {
            const std::string name(header.field(i));
            if (coding_field(m_defaults, name) == nullptr) {
                problem(header.position(i), 0, name,
                        fmt::format("\"{}\" is not a column stance knows; the columns are named as the options of "
                                    "stance code: {}",
                                    name, names));
            } else if (!m_columns.emplace(name, i).second) {
                problem(header.position(i), 0, name, "the header names this column twice; keep one");
            }
            m_header.push_back(name);
        }
        if (m_report.problems.size() == before) {
            for (std::string_view field : required_fields) {
                if (!has(field)) {
                    problem(header.position(0), 0, std::string(field),
                            fmt::format("the header has no \"{}\" column, which every stance needs; add it (or give "
                                        "--{} for every row)",
                                        field, field));
                }
            }
            if (!has("meeting") && !has("agenda-item")) {
                problem(
                    header.position(0), 0, "meeting",
                    "the header has neither a \"meeting\" nor an \"agenda-item\" column; add one (or give --meeting "
                    "for every row)");
            }
        }
        return m_report.problems.size() == before;
    }

    void read_rows() {
        CsvRecord record;
        while (m_reader.next(record)) {
            const std::size_t row = ++m_report.rows;
            if (record.size() != m_header.size()) {
                problem(record.position(0), row, "",
                        fmt::format("this row has {} fields but the header names {}; a cell that holds a comma must "
                                    "be enclosed in double quotes",
                                    record.size(), m_header.size()));
                continue;
            }
            StanceCoding coding = m_defaults;
            RowPlace place{row, {}};
            bool blank = true;
            for (std::size_t i = 0; i < record.size(); ++i) {
                place.cells.push_back(record.position(i));
                if (!record.field(i).empty()) {
                    *coding_field(coding, m_header[i]) = std::string(record.field(i));
                    blank = false;
                }
            }
            if (blank) {
                continue; // a spreadsheet's trailing ",,," rows hold nothing to code
            }
            m_codings.push_back(std::move(coding));
            m_places.push_back(std::move(place));
        }
        if (m_codings.empty() && m_report.problems.empty()) {
            problem(TextPosition{1, 1}, 0, "", "the file has a header but no rows; add one row a stance");
        }
    }

    /// The cell a problem is about, or the row's first cell when the problem is the stance's own
    /// (a write rule) or its value came from a default.
    CsvCodingProblem locate(const RowPlace& place, const CodingProblem& problem) const {
        const auto column = m_columns.find(problem.field);
        const TextPosition position = column != m_columns.end() ? place.cells[column->second] : place.cells.front();
        // A field the file has no column for is the option's (say so) or nobody's (the row's own problem).
        std::string name;
        if (column != m_columns.end()) {
            name = problem.field;
        } else if (const std::string* given = coding_field(m_defaults, problem.field); given && !given->empty()) {
            name = fmt::format("{} (given as --{})", problem.field, problem.field);
        }
        std::string message = problem.message;
        if (problem.same_id_as) {
            message = fmt::format("this row codes the same stance as row {} (the same id); give one of them another id",
                                  m_places[*problem.same_id_as].row);
        }
        return CsvCodingProblem{m_reader.where(position), place.row, std::move(name), std::move(message)};
    }

    CsvReader m_reader;
    const StanceCoding& m_defaults;
    std::vector<std::string> m_header;
    std::map<std::string, std::size_t, std::less<>> m_columns;
    std::vector<StanceCoding> m_codings;
    std::vector<RowPlace> m_places;
    CsvCodingReport m_report;
};

} // namespace

std::string CsvCodingProblem::describe() const {
    std::string place;
    if (row > 0) {
        place = fmt::format("row {}", row);
    }
    if (!column.empty()) {
        place += fmt::format("{}column \"{}\"", place.empty() ? "" : ", ", column);
    }
    return fmt::format("{}: {}{}{}", where, place, place.empty() ? "" : ": ", message);
}

CsvCodingReport code_stances_from_csv(Store& store, const std::filesystem::path& file, const StanceCoding& defaults,
                                      std::string coded_at) {
    if (defaults.span) {
        throw invalid_input_error(file.string(), "a span cannot apply to every row; give each row its quote");
    }
    CsvCoding coding(file, defaults);
    coding.read();
    return coding.code(store, std::move(coded_at));
}

} // namespace stance
