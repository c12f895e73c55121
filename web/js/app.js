// The workbench's entry: reads the token (or, on a team server, resumes the coder's session or
// asks them to log in), then shows the page the address names. Pages are hash routes
// (#/documents, #/document/ID?stance=S, #/evolution, #/meeting/ID, #/agreement, #/review), so the
// server serves one HTML file and every view has an address that can be bookmarked.
import {api, can, session, takeToken} from "./api.js";
import {showLogin} from "./login.js";
import {showReviewQueue} from "./review.js";
import {el, notice, replace} from "./dom.js";
import {showDocument, showDocuments} from "./documents.js";
import {showEvolution} from "./evolution.js";
import {showMeeting} from "./meeting.js";
import {showAgreement} from "./agreement.js";
import {parseRoute} from "./routes.js";

const pages = {
    documents: () => showDocuments(),
    document: (id, query) => showDocument(id, query),
    evolution: (_, query) => showEvolution(query),
    meeting: (id) => showMeeting(id),
    agreement: (_, query) => showAgreement(query),
    review: () => showReviewQueue(),
};

async function show() {
    const {page, id, query} = parseRoute(window.location.hash);
    const view = document.getElementById("view");
    for (const link of document.querySelectorAll("nav a")) {
        const current = link.dataset.page === page || (link.dataset.page === "documents" && page === "document");
        if (current) {
            link.setAttribute("aria-current", "page");
        } else {
            link.removeAttribute("aria-current");
        }
    }
    notice("");
    const render = pages[page];
    if (!render) {
        replace(view, el("p", {}, `There is no page "${page}". `, el("a", {href: "#/documents"}, "Go to the documents.")));
        return;
    }
    try {
        await render(id, query);
    } catch (error) {
        replace(view, el("p", {class: "error", role: "alert"}, error.message));
    }
    document.body.dataset.ready = page; // tests wait for this
}

/// The coder's name and a logout button in the header, and the review queue's link for reviewers.
function showCoder() {
    const who = document.getElementById("who");
    if (!session.team) {
        who.hidden = true;
        return;
    }
    const coder = session.coder;
    replace(who, el("span", {class: "coder", "data-coder": coder.name}, coder.display_name || coder.name),
            el("span", {class: "role"}, ` (${coder.role})`), " ",
            el("button", {type: "button", class: "logout", onclick: logout}, "Log out"));
    who.hidden = false;
    document.querySelector('nav a[data-page="review"]').hidden = !can("review");
}

async function logout() {
    try {
        await api.logout();
    } finally {
        window.location.hash = "#/documents";
        window.location.reload();
    }
}

/// The server's mode; on a team server, a session first (resumed, or a login).
async function connect() {
    let info;
    try {
        info = await api.info();
    } catch (error) {
        if (error.status !== 401) {
            throw error;
        }
        // A team server without a session for this browser.
        await showLogin();
        info = await api.info();
    }
    if (info.team && !session.team && !(await api.resume())) {
        await showLogin();
    }
    document.body.dataset.readOnly = info.read_only ? "yes" : "no";
    document.body.dataset.team = info.team ? "yes" : "no";
    document.getElementById("mode").textContent = info.read_only ? "read-only" : "";
    showCoder();
}

async function start() {
    takeToken();
    try {
        await connect();
    } catch (error) {
        notice(`The server did not answer: ${error.message}`, "error");
    }
    window.addEventListener("hashchange", show);
    await show();
}

start();
