// Addresses of the workbench's pages (hash routes), built and read in one place.

/// "#/document/abc?stance=x" → {page: "document", id: "abc", query: URLSearchParams}.
export function parseRoute(hash) {
    const [path, search] = hash.replace(/^#\/?/, "").split("?");
    const [page, ...rest] = path.split("/");
    return {page: page || "documents", id: rest.length ? decodeURIComponent(rest.join("/")) : "", query: new URLSearchParams(search || "")};
}

/// The address of a page, for links: route("document", "abc", {stance: "x"}).
export function route(page, id = "", query = {}) {
    const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ""));
    return `#/${page}${id ? `/${encodeURIComponent(id)}` : ""}${search.toString() ? `?${search}` : ""}`;
}
