// The streaming CSV reader and its byte sources (gzip or plain files through zlib, memory).
#include "stance/io/csv.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <system_error>

#include <fmt/format.h>
#include <zlib.h>

#include "stance/error.hpp"
#include "stance/text/utf8.hpp"

namespace stance {

namespace {

constexpr std::size_t read_chunk = std::size_t{1} << 16;
constexpr int end_of_input = -1;

class GzipFileSource final : public ByteSource {
public:
    explicit GzipFileSource(const std::filesystem::path& path) : m_path(path.string()) {
        std::error_code ignored;
        m_size = std::filesystem::file_size(path, ignored);
        if (ignored) {
            m_size = 0;
        }
        m_file = gzopen(m_path.c_str(), "rb");
        if (m_file == nullptr) {
            const int code = errno;
            throw invalid_input_error(m_path, fmt::format("cannot open the file ({}); check the path and that it is "
                                                          "readable",
                                                          code != 0 ? std::strerror(code) : "out of memory"));
        }
        gzbuffer(m_file, 1U << 17); // fewer, larger reads from disk
    }
    ~GzipFileSource() override { gzclose(m_file); }

    std::size_t read(char* buffer, std::size_t size) override {
        const auto wanted = static_cast<unsigned>(std::min<std::size_t>(size, INT_MAX));
        const int got = gzread(m_file, buffer, wanted);
        int code = Z_OK;
        const char* message = gzerror(m_file, &code);
        if (got < 0 || (code != Z_OK && code != Z_STREAM_END)) {
            throw invalid_input_error(
                m_path, fmt::format("the compressed data is damaged or cut short ({}); download or copy the file "
                                    "again, or decompress it with gunzip to see where it breaks",
                                    message != nullptr ? message : "zlib error"));
        }
        return static_cast<std::size_t>(got);
    }
    [[nodiscard]] std::uint64_t position() const override {
        const auto offset = gzoffset(m_file);
        return offset < 0 ? 0 : static_cast<std::uint64_t>(offset);
    }
    [[nodiscard]] std::uint64_t size() const override { return m_size; }

private:
    std::string m_path;
    gzFile m_file = nullptr;
    std::uint64_t m_size = 0;
};

class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::string_view bytes) : m_bytes(bytes) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t count = std::min(size, m_bytes.size() - m_position);
        std::memcpy(buffer, m_bytes.data() + m_position, count);
        m_position += count;
        return count;
    }
    [[nodiscard]] std::uint64_t position() const override { return m_position; }
    [[nodiscard]] std::uint64_t size() const override { return m_bytes.size(); }

private:
    std::string_view m_bytes;
    std::size_t m_position = 0;
};

std::string quoted_list(std::span<const std::string_view> names) {
    std::string out;
    for (std::string_view name : names) {
        out += fmt::format("{}{}", out.empty() ? "" : ",", name);
    }
    return out;
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::vector<std::string_view> views(names.begin(), names.end());
    return quoted_list(std::span<const std::string_view>(views));
}

} // namespace

std::unique_ptr<ByteSource> open_data_file(const std::filesystem::path& path) {
    return std::make_unique<GzipFileSource>(path);
}

std::unique_ptr<ByteSource> memory_source(std::string_view bytes) {
    return std::make_unique<MemorySource>(bytes);
}

CsvReader::CsvReader(std::unique_ptr<ByteSource> source, std::string name, CsvOptions options)
    : m_source(std::move(source)), m_name(std::move(name)), m_options(options), m_buffer(read_chunk) {}

CsvReader::CsvReader(const std::filesystem::path& path, CsvOptions options)
    : CsvReader(open_data_file(path), path.string(), options) {}

CsvReader::~CsvReader() = default;

std::string CsvReader::where(TextPosition position) const {
    return fmt::format("{}:{}:{}", m_name, position.line, position.column);
}

std::string CsvReader::column_name(std::size_t index) const {
    if (index < m_header.size()) {
        return fmt::format("column {} ({})", index + 1, m_header[index]);
    }
    return fmt::format("column {}", index + 1);
}

void CsvReader::fail(TextPosition position, const std::string& message) const {
    throw invalid_input_error(where(position), message);
}

bool CsvReader::fill() {
    if (m_eof) {
        return false;
    }
    m_buffer_end = m_source->read(m_buffer.data(), m_buffer.size());
    m_buffer_pos = 0;
    if (m_buffer_end == 0) {
        m_eof = true;
        return false;
    }
    return true;
}

int CsvReader::peek() {
    if (m_buffer_pos == m_buffer_end && !fill()) {
        return end_of_input;
    }
    return static_cast<unsigned char>(m_buffer[m_buffer_pos]);
}

void CsvReader::advance(char byte) {
    ++m_buffer_pos;
    ++m_offset;
    if (byte == '\n') {
        ++m_line;
        m_column = 1;
    } else if ((static_cast<unsigned char>(byte) & 0xC0U) != 0x80U) {
        ++m_column; // continuation bytes belong to the character already counted
    }
}

void CsvReader::start_field(CsvRecord& record) {
    record.m_positions.push_back(TextPosition{m_line, m_column});
}

void CsvReader::end_field(CsvRecord& record) {
    record.m_ends.push_back(record.m_text.size());
}

void CsvReader::append(CsvRecord& record, char byte) {
    if (record.m_text.size() >= m_options.max_record_bytes) {
        fail(record.m_positions.back(),
             fmt::format("this record is longer than {} bytes; a quoted field was probably never closed: check that "
                         "every opening double quote has a closing one (a quote inside a field is written \"\")",
                         m_options.max_record_bytes));
    }
    record.m_text.push_back(byte);
}

void CsvReader::read_quoted(CsvRecord& record) {
    const TextPosition opened = record.m_positions.back();
    advance('"');
    for (;;) {
        const int c = peek();
        if (c == end_of_input) {
            fail(opened, "the quoted field that starts here is never closed before the end of the file; add the "
                         "closing double quote (a quote inside a field is written \"\")");
        }
        const auto byte = static_cast<char>(c);
        advance(byte);
        if (byte != '"') {
            append(record, byte);
            continue;
        }
        if (peek() == '"') { // a doubled quote stands for one quote
            advance('"');
            append(record, '"');
            continue;
        }
        return; // the closing quote
    }
}

bool CsvReader::at_record_end() {
    const int c = peek();
    if (c == end_of_input || c == '\n') {
        return true;
    }
    return c == '\r';
}

void CsvReader::check_record(const CsvRecord& record) const {
    if (!m_header.empty() && record.size() != m_header.size()) {
        fail(record.position(0),
             fmt::format("this record has {} fields but the header names {} ({}); a field that contains a comma "
                         "must be enclosed in double quotes",
                         record.size(), m_header.size(), quoted_list(m_header)));
    }
    if (m_options.require_utf8) {
        for (std::size_t i = 0; i < record.size(); ++i) {
            if (!is_valid_utf8(record.field(i))) {
                fail(record.position(i),
                     fmt::format("{} is not valid UTF-8; convert the file to UTF-8", column_name(i)));
            }
        }
    }
}

bool CsvReader::next(CsvRecord& record) {
    record.clear();
    if (m_offset == 0 && peek() == 0xEF) {
        // A UTF-8 byte order mark is not data: skip it, but keep counting its bytes for spans.
        static constexpr std::string_view bom = "\xEF\xBB\xBF";
        for (char expected : bom) {
            if (peek() != static_cast<unsigned char>(expected)) {
                fail(TextPosition{1, 1}, "the file starts with a malformed byte order mark; save it as UTF-8");
            }
            advance(expected);
        }
        m_column = 1;
    }
    for (;;) {
        const int c = peek();
        if (c == end_of_input) {
            return false;
        }
        if (!m_options.skip_blank_lines || (c != '\n' && c != '\r')) {
            break;
        }
        const TextPosition blank{m_line, m_column};
        advance(static_cast<char>(c));
        if (c == '\r') {
            if (peek() != '\n') {
                fail(blank, "a carriage return that is not followed by a line feed; end lines with LF or CRLF");
            }
            advance('\n');
        }
    }
    record.m_byte_begin = m_offset;
    for (;;) {
        start_field(record);
        if (peek() == '"') {
            read_quoted(record);
            if (!at_record_end() && peek() != ',') {
                fail(TextPosition{m_line, m_column},
                     fmt::format("unexpected character after the closing quote of {}; a quote inside a quoted field "
                                 "is written as two quotes (\"\")",
                                 column_name(record.size())));
            }
        } else {
            for (int c = peek(); c != ',' && c != '\n' && c != '\r' && c != end_of_input; c = peek()) {
                if (c == '"') {
                    fail(TextPosition{m_line, m_column},
                         fmt::format("a double quote inside the unquoted {}; enclose the whole field in double quotes "
                                     "and write the quote as \"\"",
                                     column_name(record.size())));
                }
                const auto byte = static_cast<char>(c);
                append(record, byte);
                advance(byte);
            }
        }
        end_field(record);
        if (peek() == ',') {
            advance(',');
            continue;
        }
        break;
    }
    record.m_byte_end = m_offset;
    if (peek() == '\r') {
        const TextPosition carriage{m_line, m_column};
        advance('\r');
        if (peek() != '\n') {
            fail(carriage, "a carriage return that is not followed by a line feed; end lines with LF or CRLF");
        }
    }
    if (peek() == '\n') {
        advance('\n');
    }
    check_record(record);
    return true;
}

void CsvReader::expect_header(std::span<const std::string_view> columns) {
    CsvRecord header;
    if (!next(header)) {
        fail(TextPosition{1, 1}, fmt::format("the file is empty; expected a header line: {}", quoted_list(columns)));
    }
    bool same = header.size() == columns.size();
    for (std::size_t i = 0; same && i < columns.size(); ++i) {
        same = header.field(i) == columns[i];
    }
    if (!same) {
        std::string found;
        for (std::size_t i = 0; i < header.size(); ++i) {
            found += fmt::format("{}{}", i == 0 ? "" : ",", header.field(i));
        }
        fail(header.position(0), fmt::format("the header is \"{}\" but this table needs the columns \"{}\" in that "
                                             "order; check that this is the right file",
                                             found, quoted_list(columns)));
    }
    m_header.assign(columns.begin(), columns.end());
}

} // namespace stance
