// Helpers shared by the tests: paths to shipped data and temporary databases.
#pragma once

#include <exception>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace stance::test {

inline std::filesystem::path source_dir() {
    return STANCE_SOURCE_DIR;
}
inline std::filesystem::path shared_dir() {
    return STANCE_SHARED_DIR;
}

inline std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline void write_text(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

/// The message of what `action` throws, or "(nothing thrown)", for tests that look for words in it.
template <class Action> std::string message_of(const Action& action) {
    try {
        action();
    } catch (const std::exception& failure) {
        return failure.what();
    }
    return "(nothing thrown)";
}

/// A directory that is removed with everything in it when the test ends.
class TempDir {
public:
    TempDir() {
        std::random_device seed;
        m_path = std::filesystem::temp_directory_path() / ("stance-test-" + std::to_string(seed()));
        std::filesystem::create_directories(m_path);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

} // namespace stance::test
