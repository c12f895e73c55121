#include "serve/assets.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace stance::serve {

std::string_view content_type_of(std::string_view path) noexcept {
    // Scripts as application/javascript with a charset, a JavaScript type that Debian's cpp-httplib
    // does not compress: it compresses text/* with brotli at its slowest setting, some 40 ms per
    // module, on every module the page loads (docs/benchmarks.md, "Workbench").
    constexpr std::array<std::pair<std::string_view, std::string_view>, 10> types{{
        {".html", "text/html; charset=utf-8"},
        {".js", "application/javascript; charset=utf-8"},
        {".mjs", "application/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".json", "application/json; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".woff2", "font/woff2"},
    }};
    for (const auto& [extension, type] : types) {
        if (path.ends_with(extension)) {
            return type;
        }
    }
    return "application/octet-stream";
}

std::optional<Asset> find_asset(std::string_view path) noexcept {
    if (path == "/") {
        path = "/index.html";
    }
    const std::span<const EmbeddedAsset> assets = embedded_assets();
    const auto found =
        std::find_if(assets.begin(), assets.end(), [&](const EmbeddedAsset& asset) { return path == asset.path; });
    if (found == assets.end()) {
        return std::nullopt;
    }
    return Asset{std::string_view(reinterpret_cast<const char*>(found->bytes), found->size), content_type_of(path)};
}

namespace {

// The target's path part (before "?"), lowercased, with %XX decoded once more for the check, so
// that "%2e%2e", "%2E%2e" and "%252e" (decoded twice by some proxy) are all seen.
std::string decoded_for_check(std::string_view target) {
    std::string path(target.substr(0, target.find('?')));
    for (int round = 0; round < 2; ++round) {
        std::string out;
        for (std::size_t i = 0; i < path.size(); ++i) {
            if (path[i] == '%' && i + 2 < path.size() && std::isxdigit(static_cast<unsigned char>(path[i + 1])) &&
                std::isxdigit(static_cast<unsigned char>(path[i + 2]))) {
                out += static_cast<char>(std::stoi(std::string(path.substr(i + 1, 2)), nullptr, 16));
                i += 2;
            } else {
                out += path[i];
            }
        }
        path = std::move(out);
    }
    return path;
}

} // namespace

bool is_plain_target(std::string_view target) noexcept {
    if (target.empty() || target.front() != '/') {
        return false; // absolute-form ("http://…") and authority-form targets are for proxies
    }
    std::string path;
    try {
        path = decoded_for_check(target);
    } catch (...) {
        return false;
    }
    if (path.find("..") != std::string::npos || path.find('\\') != std::string::npos ||
        path.find("//") != std::string::npos) {
        return false;
    }
    return std::none_of(path.begin(), path.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7f;
    });
}

} // namespace stance::serve
