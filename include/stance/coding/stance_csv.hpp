// Spreadsheet coding (`stance code --csv FILE`, docs/coding.md): one row a stance, the header naming
// its columns with the names of the `stance code` options (document, actor, claim, position, quote,
// …; coding_field_names), the quote instead of byte offsets. Every problem of every row is reported
// in one run, by line and column of the cell, and nothing is written unless every row passes: the
// whole file is one transaction.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "stance/coding/code_stance.hpp"

namespace stance {

class Store;

struct CsvCodingProblem {
    std::string where;   ///< "file:line:column" of the cell, of the row, or of the header.
    std::size_t row = 0; ///< The data row, from 1 (the line after the header); 0 for the header or the file.
    std::string column;  ///< The column's name; empty when the problem is the row's or the file's.
    std::string message;

    /// "file:3:12: row 2, column "actor": unknown actor …", the line a person reads.
    [[nodiscard]] std::string describe() const;
};

struct CsvCodingReport {
    std::size_t rows = 0;                   ///< Data rows read.
    std::vector<CodedStance> coded;         ///< The stances written, in row order; empty when nothing was.
    std::vector<CsvCodingProblem> problems; ///< Every problem found, in file order.
    bool written = false;
};

/// Codes a stance from every row of the CSV file `file` (UTF-8, RFC 4180; gzip'd is read too). A
/// value of `defaults` is used where a row's cell is empty or the file has no such column, so that
/// `stance code --csv FILE --document D --coder C` need not repeat them in every row; `defaults`
/// must not give a span. `coded_at` as for code_stances.
[[nodiscard]] CsvCodingReport code_stances_from_csv(Store& store, const std::filesystem::path& file,
                                                    const StanceCoding& defaults = {}, std::string coded_at = {});

} // namespace stance
