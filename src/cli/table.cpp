#include <algorithm>
#include <map>
#include <stdexcept>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "stance/io/csv_field.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

// Display width in characters, not bytes, so accented names line up.
std::size_t width_of(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void print_text(std::ostream& out, const Table& table) {
    std::vector<std::size_t> widths(table.columns.size());
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        widths[c] = width_of(table.columns[c]);
        for (const auto& row : table.rows) {
            widths[c] = std::max(widths[c], width_of(row[c]));
        }
    }
    auto print_row = [&](const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            out << cells[c];
            if (c + 1 < cells.size()) {
                out << std::string(widths[c] - width_of(cells[c]) + 2, ' ');
            }
        }
        out << '\n';
    };
    print_row(table.columns);
    for (const auto& row : table.rows) {
        print_row(row);
    }
}

void print_markdown(std::ostream& out, const Table& table) {
    auto print_row = [&](const std::vector<std::string>& cells) {
        out << '|';
        for (const std::string& cell : cells) {
            out << ' ' << markdown_cell(cell) << " |";
        }
        out << '\n';
    };
    print_row(table.columns);
    out << '|';
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        out << " --- |";
    }
    out << '\n';
    for (const auto& row : table.rows) {
        print_row(row);
    }
}

} // namespace

std::string markdown_cell(std::string_view text) {
    std::string cell;
    for (const char c : text) {
        switch (c) {
        case '|': cell += "\\|"; break;
        case '\\': cell += "\\\\"; break;
        case '<': cell += "&lt;"; break;
        case '\n':
        case '\r': cell += ' '; break;
        default: cell += c;
        }
    }
    return cell;
}

void Table::print(std::ostream& out, Format format) const {
    switch (format) {
    case Format::text: print_text(out, *this); break;
    case Format::csv:
        if (csv_header) {
            write_csv_row(out, columns);
        }
        for (const auto& row : rows) {
            write_csv_row(out, row);
        }
        break;
    case Format::md: print_markdown(out, *this); break;
    case Format::svg: throw std::logic_error("a table has no SVG form: the command should have drawn a chart");
    case Format::json: {
        boost::json::array items;
        for (const auto& row : rows) {
            boost::json::object item;
            for (std::size_t c = 0; c < columns.size(); ++c) {
                item[columns[c]] = row[c];
            }
            items.push_back(std::move(item));
        }
        out << boost::json::serialize(items) << '\n';
        break;
    }
    }
}

void print_json_records(std::ostream& out, const std::vector<std::string>& records) {
    out << '[';
    for (std::size_t i = 0; i < records.size(); ++i) {
        out << (i ? "," : "") << records[i];
    }
    out << "]\n";
}

} // namespace stance::cli
