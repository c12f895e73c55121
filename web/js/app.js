// The workbench's entry: reads the token, then shows the page the address names. Pages are hash
// routes (#/documents, #/document/ID?stance=S, #/evolution, #/meeting/ID, #/agreement), so the
// server serves one HTML file and every view has an address that can be bookmarked.
import {api, takeToken} from "./api.js";
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

async function start() {
    takeToken();
    try {
        const info = await api.info();
        document.body.dataset.readOnly = info.read_only ? "yes" : "no";
        document.getElementById("mode").textContent = info.read_only ? "read-only" : "";
    } catch (error) {
        notice(`The server did not answer: ${error.message}`, "error");
    }
    window.addEventListener("hashchange", show);
    await show();
}

start();
