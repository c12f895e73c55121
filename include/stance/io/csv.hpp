// Streaming CSV input for large tables (the UN vote files have close to a million rows).
//
// `CsvReader` reads RFC 4180 CSV record by record from a `ByteSource`: fields separated by commas,
// records ended by LF or CRLF, fields in double quotes may hold commas, quotes (doubled) and line
// breaks. It never holds more than one record, so memory stays flat whatever the file size. Each
// record carries its line and the byte span it occupies in the (uncompressed) input, which is what a
// stance's SourceSpan points at. Malformed input throws `invalid_input_error` whose `where()` is
// "file:line:column" (column in characters, 1-based) and whose message says what to do.
//
// `open_data_file` reads gzip-compressed and plain files alike (zlib passes plain files through), so
// the bundled `.csv.gz` tables and a user's own `.csv` copy are read by the same code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace stance {

/// A forward-only stream of bytes.
class ByteSource {
public:
    ByteSource() = default;
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;
    virtual ~ByteSource() = default;

    /// Reads up to `size` bytes into `buffer`; returns 0 only at the end. Throws invalid_input_error
    /// on corrupt input (a damaged gzip stream).
    virtual std::size_t read(char* buffer, std::size_t size) = 0;
    /// How far the underlying file has been read (compressed bytes for gzip), for progress reports.
    [[nodiscard]] virtual std::uint64_t position() const = 0;
    /// The size of the underlying file (compressed for gzip), 0 when unknown.
    [[nodiscard]] virtual std::uint64_t size() const = 0;
};

/// Opens a gzip-compressed or plain file. Throws invalid_input_error when it cannot be opened.
[[nodiscard]] std::unique_ptr<ByteSource> open_data_file(const std::filesystem::path& path);

/// Bytes held in memory (tests, fuzzing). The bytes must outlive the source.
[[nodiscard]] std::unique_ptr<ByteSource> memory_source(std::string_view bytes);

/// Where a field starts: 1-based line and column (in characters, not bytes).
struct TextPosition {
    std::uint64_t line = 0;
    std::uint64_t column = 0;
};

/// One record. Field views stay valid until the next call to `CsvReader::next`.
class CsvRecord {
public:
    [[nodiscard]] std::size_t size() const noexcept { return m_ends.size(); }
    /// Field `index` with quotes removed and doubled quotes undone.
    [[nodiscard]] std::string_view field(std::size_t index) const noexcept {
        const std::size_t begin = index == 0 ? 0 : m_ends[index - 1];
        return std::string_view(m_text).substr(begin, m_ends[index] - begin);
    }
    [[nodiscard]] std::string_view operator[](std::size_t index) const noexcept { return field(index); }
    [[nodiscard]] TextPosition position(std::size_t index) const noexcept { return m_positions[index]; }
    /// The line the record starts on (1-based).
    [[nodiscard]] std::uint64_t line() const noexcept { return m_positions.empty() ? 0 : m_positions[0].line; }
    /// Byte offsets of the record in the uncompressed input, `[begin, end)`, without its line break.
    [[nodiscard]] std::uint64_t byte_begin() const noexcept { return m_byte_begin; }
    [[nodiscard]] std::uint64_t byte_end() const noexcept { return m_byte_end; }

private:
    friend class CsvReader;
    void clear() {
        m_text.clear();
        m_ends.clear();
        m_positions.clear();
    }

    std::string m_text;                    // all fields back to back
    std::vector<std::size_t> m_ends;       // end offset of each field in m_text
    std::vector<TextPosition> m_positions; // where each field starts in the input
    std::uint64_t m_byte_begin = 0;
    std::uint64_t m_byte_end = 0;
};

struct CsvOptions {
    /// Lines with no characters at all are skipped rather than read as a record of one empty field.
    bool skip_blank_lines = true;
    /// A record longer than this is refused: in practice it means a quote was never closed.
    std::size_t max_record_bytes = std::size_t{1} << 20;
    /// Refuse fields that are not well-formed UTF-8.
    bool require_utf8 = true;
};

class CsvReader {
public:
    /// `name` is how errors refer to the input (usually the file name).
    CsvReader(std::unique_ptr<ByteSource> source, std::string name, CsvOptions options = {});
    /// Opens `path` with `open_data_file`; errors name the file as given.
    explicit CsvReader(const std::filesystem::path& path, CsvOptions options = {});
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    /// Reads the first record as the header and checks that it names exactly `columns`, in order.
    /// From then on every record must have that many fields.
    void expect_header(std::span<const std::string_view> columns);

    /// Reads the next record; false at the end of the input. Throws invalid_input_error.
    bool next(CsvRecord& record);

    [[nodiscard]] const std::string& name() const noexcept { return m_name; }
    /// "name:line:column", the form every error uses.
    [[nodiscard]] std::string where(TextPosition position) const;
    /// `where` for field `index` of `record`.
    [[nodiscard]] std::string where(const CsvRecord& record, std::size_t index) const {
        return where(record.position(index));
    }
    /// The header's name for column `index` ("column 3" when there is no header).
    [[nodiscard]] std::string column_name(std::size_t index) const;
    [[nodiscard]] const ByteSource& source() const noexcept { return *m_source; }
    /// Bytes of uncompressed input consumed so far.
    [[nodiscard]] std::uint64_t offset() const noexcept { return m_offset; }

private:
    bool fill();
    [[nodiscard]] int peek();
    void advance(char byte);
    [[noreturn]] void fail(TextPosition position, const std::string& message) const;
    void start_field(CsvRecord& record);
    static void end_field(CsvRecord& record);
    void append(CsvRecord& record, char byte);
    void read_quoted(CsvRecord& record);
    bool at_record_end();
    void check_record(const CsvRecord& record) const;

    std::unique_ptr<ByteSource> m_source;
    std::string m_name;
    CsvOptions m_options;
    std::vector<char> m_buffer;
    std::size_t m_buffer_pos = 0;
    std::size_t m_buffer_end = 0;
    bool m_eof = false;
    std::uint64_t m_offset = 0; // bytes consumed from the uncompressed input
    std::uint64_t m_line = 1;
    std::uint64_t m_column = 1;
    std::vector<std::string> m_header;
};

} // namespace stance
