// A second pass of Boost.JSON's SAX parser that only remembers the keys of the objects it is in.
#include "io/json_duplicate_keys.hpp"

#include <unordered_set>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>
#include <fmt/format.h>

namespace stance::detail {

namespace {

namespace json = boost::json;

/// One open object or array: the keys seen so far, or how many elements came before.
struct Frame {
    bool is_object = false;
    std::size_t elements = 0;
    std::string key; ///< the current key of an object
    std::unordered_set<std::string> keys;
};

class DuplicateKeyHandler {
public:
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    std::optional<std::string> duplicate;

    static bool on_document_begin(json::error_code&) { return true; }
    static bool on_document_end(json::error_code&) { return true; }
    bool on_array_begin(json::error_code&) { return open(false); }
    bool on_array_end(std::size_t, json::error_code&) { return close(); }
    bool on_object_begin(json::error_code&) { return open(true); }
    bool on_object_end(std::size_t, json::error_code&) { return close(); }
    static bool on_string_part(json::string_view, std::size_t, json::error_code&) { return true; }
    bool on_string(json::string_view, std::size_t, json::error_code&) { return value(); }
    bool on_key_part(json::string_view part, std::size_t, json::error_code&) {
        m_key.append(part.data(), part.size());
        return true;
    }
    bool on_key(json::string_view part, std::size_t, json::error_code& ec) {
        m_key.append(part.data(), part.size());
        Frame& object = m_frames.back();
        object.key = std::move(m_key);
        m_key.clear();
        if (!object.keys.insert(object.key).second) {
            duplicate = path_to_current_key();
            ec = json::error::syntax; // stop here: the first duplicate is the one reported
            return false;
        }
        return true;
    }
    static bool on_number_part(json::string_view, json::error_code&) { return true; }
    bool on_int64(std::int64_t, json::string_view, json::error_code&) { return value(); }
    bool on_uint64(std::uint64_t, json::string_view, json::error_code&) { return value(); }
    bool on_double(double, json::string_view, json::error_code&) { return value(); }
    bool on_bool(bool, json::error_code&) { return value(); }
    bool on_null(json::error_code&) { return value(); }
    static bool on_comment_part(json::string_view, json::error_code&) { return true; }
    static bool on_comment(json::string_view, json::error_code&) { return true; }

private:
    bool open(bool is_object) {
        m_frames.push_back(Frame{is_object, 0, {}, {}});
        return true;
    }
    bool close() {
        m_frames.pop_back();
        return value();
    }
    /// A value ended: the enclosing array moves on to its next index.
    bool value() {
        if (!m_frames.empty() && !m_frames.back().is_object) {
            ++m_frames.back().elements;
        }
        return true;
    }
    [[nodiscard]] std::string path_to_current_key() const {
        std::string path = "$";
        for (const Frame& frame : m_frames) {
            path += frame.is_object ? fmt::format(".{}", frame.key) : fmt::format("[{}]", frame.elements);
        }
        return path;
    }

    std::vector<Frame> m_frames;
    std::string m_key;
};

} // namespace

std::optional<std::string> first_duplicate_key(std::string_view text) {
    json::parse_options options;
    options.max_depth = 64;
    json::basic_parser<DuplicateKeyHandler> parser(options);
    json::error_code ec;
    parser.write_some(false, text.data(), text.size(), ec);
    return parser.handler().duplicate;
}

} // namespace stance::detail
