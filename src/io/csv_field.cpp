// CSV field quoting (stance/io/csv_field.hpp).
#include "stance/io/csv_field.hpp"

namespace stance {

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\n\r") == std::string_view::npos) {
        return std::string(value);
    }
    std::string quoted = "\"";
    for (char c : value) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

} // namespace stance
