// Writing SVG for the charts (charts.hpp): a document built element by element, every piece of text
// escaped on the way in, so that a quote holding "<", "&" or a control character still yields a
// well-formed file. Fonts are generic families only, so a chart looks the same without any download.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace stance::chart {

/// `text` safe for XML character data and attribute values: & < > " ' become entities, and the
/// control characters XML 1.0 forbids (all below U+0020 except tab, newline, return) are dropped.
[[nodiscard]] std::string escape_xml(std::string_view text);

/// The first `chars` characters of `text` (UTF-8 aware), with an ellipsis when it was cut.
[[nodiscard]] std::string text_start(std::string_view text, std::size_t chars);

/// A number as an attribute value: at most two decimals, no trailing zeros ("12.5", "3").
[[nodiscard]] std::string number(double value);

/// One attribute; the value is escaped when written.
struct Attribute {
    Attribute(std::string_view key, std::string_view text) : name(key), value(text) {}
    Attribute(std::string_view key, const char* text) : name(key), value(text) {}
    Attribute(std::string_view key, double figure) : name(key), value(number(figure)) {}

    std::string name;
    std::string value;
};

using Attributes = std::initializer_list<Attribute>;

class Svg {
public:
    /// Starts a document `width` × `height` pixels whose <title> is `title`.
    Svg(double width, double height, std::string_view title);

    /// An empty element (<rect .../>), or one holding a <title> tooltip when `title` is given.
    void element(std::string_view name, Attributes attributes, std::string_view title = {});
    /// A <text> element at (x, y).
    void text(double x, double y, std::string_view content, Attributes attributes = {});
    void open_group(Attributes attributes);
    void close_group();

    /// The finished document; the Svg is empty afterwards.
    [[nodiscard]] std::string finish();

private:
    void open_tag(std::string_view name, Attributes attributes);
    void write_attributes(Attributes attributes);

    std::string m_out;
    int m_open_groups = 0;
};

} // namespace stance::chart
