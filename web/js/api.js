// The workbench's one door to the server: every route of docs/http-api.md the pages use is named
// here, so that the pages read as what they ask for, not as URLs. Reads are plain GETs; writes
// carry the token `stance serve` printed (it is in the address the user opened) and JSON bodies.

let token = null;

/// Takes the token from the address the user opened (…/?token=T or #…&token=T), keeps it for the
/// tab's life and removes it from the address bar, so that it is not left in a screenshot.
export function takeToken() {
    const url = new URL(window.location.href);
    const fromQuery = url.searchParams.get("token");
    if (fromQuery) {
        sessionStorage.setItem("stance-token", fromQuery);
        url.searchParams.delete("token");
        history.replaceState(null, "", url.pathname + url.search + url.hash);
    }
    token = sessionStorage.getItem("stance-token");
    return token;
}

/// An error the API returned: its message is the server's, meant to be shown as it is.
export class ApiError extends Error {
    constructor(status, message, body) {
        super(message);
        this.status = status;
        this.body = body;
    }
}

async function request(method, path, {query, body, accept = "application/json"} = {}) {
    const url = new URL(path, window.location.origin);
    for (const [name, value] of Object.entries(query || {})) {
        if (value !== undefined && value !== null && value !== "") {
            url.searchParams.set(name, value);
        }
    }
    const headers = {Accept: accept};
    if (token) {
        headers.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
        headers["Content-Type"] = "application/json";
    }
    const response = await fetch(url, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    const type = response.headers.get("Content-Type") || "";
    const payload = type.includes("json") ? await response.json() : await response.text();
    if (!response.ok) {
        const message = (payload && payload.error && (payload.error.message || payload.error)) ||
                        (typeof payload === "string" && payload) || `${response.status} ${response.statusText}`;
        throw new ApiError(response.status, String(message), payload);
    }
    return payload;
}

const get = (path, query) => request("GET", path, {query});
const svg = (path, query) => request("GET", path, {query, accept: "image/svg+xml"});

export const api = {
    info: () => get("/api/info"),
    documents: () => get("/api/documents"),
    document: (id) => get(`/api/documents/${encodeURIComponent(id)}`),
    stances: (query) => get("/api/stances", query),
    stance: (id) => get(`/api/stances/${encodeURIComponent(id)}`),
    complete: (kind, text) => get("/api/complete", {kind, q: text}),
    meetings: () => get("/api/meetings"),
    snapshot: (meeting) => get("/api/snapshot", {meeting}),
    history: (entity, kind) => get("/api/history", {entity, kind}),
    exportDocument: (document) => get("/api/export", {document}),
    exportUrl: (document) => `/api/export?${new URLSearchParams({document})}`,
    evolutionSvg: (query) => svg("/api/charts/evolution.svg", query),
    agreementSvg: (query) => svg("/api/charts/agreement.svg", query),
    matrixSvg: (query) => svg("/api/charts/agreement-matrix.svg", query),

    code: (stance) => request("POST", "/api/stances", {body: stance}),
    edit: (id, changes) => request("PATCH", `/api/stances/${encodeURIComponent(id)}`, {body: changes}),
    remove: (id) => request("DELETE", `/api/stances/${encodeURIComponent(id)}`),
    undo: (change) => request("POST", "/api/undo", {body: {change}}),
    accept: (suggestion, changes) =>
        request("POST", `/api/suggestions/${encodeURIComponent(suggestion)}/accept`, {body: changes || {}}),
    reject: (suggestion, reason) =>
        request("POST", `/api/suggestions/${encodeURIComponent(suggestion)}/reject`, {body: {reason}}),
};
