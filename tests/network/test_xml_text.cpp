// XML escaping of names in any script and of hostile ones.
#include <doctest/doctest.h>

#include "network/xml_text.hpp"

using stance::detail::xml_text;

TEST_CASE("markup characters are escaped") {
    CHECK(xml_text(R"(<a href="x">&'</a>)") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    CHECK(xml_text("]]>") == "]]&gt;"); // would end a CDATA section, and is not allowed in content
}

TEST_CASE("names in any script pass unchanged") {
    CHECK(xml_text("Российская Федерация") == "Российская Федерация");
    CHECK(xml_text("الإمارات العربية المتحدة") == "الإمارات العربية المتحدة");
    CHECK(xml_text("中华人民共和国 🇨🇳") == "中华人民共和国 🇨🇳");
    CHECK(xml_text("Côte d’Ivoire") == "Côte d’Ivoire");
}

TEST_CASE("white space survives attribute normalisation; other control characters and bad UTF-8 are replaced") {
    CHECK(xml_text("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d");
    CHECK(xml_text(std::string("x\0y", 3)) == "x\xEF\xBF\xBDy");
    CHECK(xml_text("bell\x07") == "bell\xEF\xBF\xBD");
    CHECK(xml_text("\xFF\xFE") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(xml_text("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                 // overlong '/'
    CHECK(xml_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // a surrogate
    CHECK(xml_text("\xEF\xBF\xBF") == "\xEF\xBF\xBD");                         // U+FFFF, not an XML character
    CHECK(xml_text("trunc\xE2\x82") == "trunc\xEF\xBF\xBD");
}
