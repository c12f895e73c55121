// The workbench's one door to the server: every route of docs/http-api.md the pages use is named
// here, so that the pages read as what they ask for, not as URLs. Reads are plain GETs; writes
// carry JSON bodies and the token `stance serve` printed (it is in the address the user opened),
// or on a team server the session's CSRF token (the session itself is an HttpOnly cookie the
// browser sends, which no script here can read). Edits and deletes of a stance send its ETag.

let token = null;
let csrfToken = null;

/// Who is using the workbench: on a team server the logged-in coder and their permissions; else
/// the one user, who may do everything the server allows.
export const session = {team: false, coder: null, permissions: []};

/// True when the user may do `permission` (docs/team.md): always without a team.
export function can(permission) {
    return !session.team || session.permissions.includes(permission);
}

function remember(payload) {
    session.team = true;
    session.coder = payload.coder;
    session.permissions = payload.coder.permissions;
    csrfToken = payload.csrf_token;
}

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

async function request(method, path, {query, body, accept = "application/json", ifMatch} = {}) {
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
    if (csrfToken && method !== "GET") {
        headers["X-CSRF-Token"] = csrfToken;
    }
    if (ifMatch) {
        headers["If-Match"] = ifMatch;
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
    /// {document (with its text), stances, suggestions (the open ones)}.
    document: (id) => get(`/api/documents/${encodeURIComponent(id)}`),
    complete: (kind, text) => get("/api/complete", {kind, q: text}),
    history: (entity, kind) => get("/api/history", {entity, kind}),
    exportUrl: (document) => `/api/export?${new URLSearchParams({document})}`,
    evolution: (query) => get("/api/evolution", query),
    evolutionSvg: (query) => svg("/api/evolution.svg", query),
    grid: (meeting) => get("/api/grid", {meeting}),
    matrixSvg: (query) => svg("/api/agreement-matrix.svg", query),
    agreementSvg: (query) => svg("/api/agreement.svg", query),

    /// A stance on the bytes [start, end) of a document: `stance code --span` with the form's fields.
    code: (fields) => request("POST", "/api/stances", {body: fields}),
    /// `etag`: the stance's as read; a stance changed since is refused with 412 and its current state.
    edit: (id, changes, etag) => request("PATCH", `/api/stances/${encodeURIComponent(id)}`, {body: changes, ifMatch: etag}),
    remove: (id, etag) => request("DELETE", `/api/stances/${encodeURIComponent(id)}`, {ifMatch: etag}),
    undo: (changeSet) => request("POST", "/api/undo", {body: {change_set: changeSet}}),
    accept: (suggestion, changes) => request("POST", `/api/suggestions/${suggestion}/accept`, {body: changes || {}}),
    reject: (suggestion, reason) => request("POST", `/api/suggestions/${suggestion}/reject`, {body: {reason}}),

    // A team server's routes.
    login: async (name, password) => {
        remember(await request("POST", "/api/login", {body: {name, password}}));
        return session;
    },
    /// The session the browser's cookie holds, if any: true when logged in.
    resume: async () => {
        try {
            remember(await get("/api/session"));
            return true;
        } catch (error) {
            if (error.status === 401) {
                return false;
            }
            throw error;
        }
    },
    logout: () => request("POST", "/api/logout", {body: {}}),
    acceptStance: (id, comment) => request("POST", `/api/stances/${encodeURIComponent(id)}/accept`, {body: {comment}}),
    rejectStance: (id, comment) => request("POST", `/api/stances/${encodeURIComponent(id)}/reject`, {body: {comment}}),
    reviewQueue: () => get("/api/review-queue"),
};
