// The workbench's pages (web/), compiled into the binary by cmake/EmbedWebAssets.cmake: a request
// for "/app.js" is answered from memory, never by opening a file, so no request can name a path
// outside the pages, however it spells it.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace stance::serve {

/// One file of web/ as compiled in: its path from web/ with a leading "/" ("/index.html").
struct EmbeddedAsset {
    const char* path;
    const unsigned char* bytes;
    std::size_t size;
};

/// Every embedded file, in path order (generated: build/…/src/serve/web_assets.cpp).
[[nodiscard]] std::span<const EmbeddedAsset> embedded_assets() noexcept;

struct Asset {
    std::string_view bytes;
    std::string_view content_type;
};

/// The asset a request path names ("/" is "/index.html"); nothing for any other path.
[[nodiscard]] std::optional<Asset> find_asset(std::string_view path) noexcept;

/// The content type the server sends for a file name's extension (text types in UTF-8).
[[nodiscard]] std::string_view content_type_of(std::string_view path) noexcept;

/// False for a request target that tries to leave the asset folder or hide what it names: "..",
/// backslashes, NUL and other control bytes, "//", or any of these percent-encoded. Checked on the
/// raw target before decoding, on every request, although the lookup above could not be led
/// astray anyway: a refusal says so instead of a puzzling 404.
[[nodiscard]] bool is_plain_target(std::string_view target) noexcept;

} // namespace stance::serve
