#include "stance/chart/svg.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace stance::chart {

std::string escape_xml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                break; // not allowed in XML 1.0 even as a character reference
            }
            out += c;
        }
    }
    return out;
}

std::string text_start(std::string_view text, std::size_t chars) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (starts_char && seen++ == chars) {
            return std::string(text.substr(0, i)) + "…";
        }
    }
    return std::string(text);
}

std::string number(double value) {
    if (!std::isfinite(value)) {
        throw std::invalid_argument("chart: a coordinate is not a finite number");
    }
    std::string text = fmt::format("{:.2f}", value);
    while (text.back() == '0') {
        text.pop_back();
    }
    if (text.back() == '.') {
        text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

Svg::Svg(double width, double height, std::string_view title) {
    m_out = fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
                        "viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"11\">\n"
                        "<title>{2}</title>\n"
                        "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
                        number(width), number(height), escape_xml(title));
}

void Svg::write_attributes(Attributes attributes) {
    for (const Attribute& attribute : attributes) {
        m_out += fmt::format(" {}=\"{}\"", attribute.name, escape_xml(attribute.value));
    }
}

void Svg::open_tag(std::string_view name, Attributes attributes) {
    m_out += '<';
    m_out += name;
    write_attributes(attributes);
}

void Svg::element(std::string_view name, Attributes attributes, std::string_view title) {
    open_tag(name, attributes);
    if (title.empty()) {
        m_out += "/>\n";
        return;
    }
    m_out += fmt::format("><title>{}</title></{}>\n", escape_xml(title), name);
}

void Svg::text(double x, double y, std::string_view content, Attributes attributes) {
    m_out += fmt::format(R"(<text x="{}" y="{}")", number(x), number(y));
    write_attributes(attributes);
    m_out += fmt::format(">{}</text>\n", escape_xml(content));
}

void Svg::open_group(Attributes attributes) {
    open_tag("g", attributes);
    m_out += ">\n";
    ++m_open_groups;
}

void Svg::close_group() {
    if (m_open_groups == 0) {
        throw std::logic_error("chart: close_group without an open group");
    }
    m_out += "</g>\n";
    --m_open_groups;
}

std::string Svg::finish() {
    while (m_open_groups > 0) {
        close_group();
    }
    m_out += "</svg>\n";
    return std::move(m_out);
}

} // namespace stance::chart
