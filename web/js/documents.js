// The Documents pages: the list, and one document with every coded span highlighted (coloured by
// position or by actor), suggestions outlined, the stance under the pointer shown beside the text,
// and the coding form for a selection.
import {api, can, session} from "./api.js";
import {actorColours, kindColour} from "./colours.js";
import {el, notice, replace} from "./dom.js";
import {runs} from "./highlight.js";
import {route} from "./routes.js";
import {selectedRange} from "./selection.js";
import {openCodingForm, placeNear} from "./coding_form.js";
import {showStanceDetails, showSuggestionDetails} from "./stance_panel.js";
import {offsets} from "./utf8.js";

export async function showDocuments() {
    const {documents} = await api.documents();
    const rows = documents.map((d) =>
        el("tr", {},
           el("td", {}, el("a", {href: route("document", d.id)}, d.title || d.id)),
           el("td", {}, d.id), el("td", {}, d.language || ""), el("td", {}, d.date || ""),
           el("td", {class: "number"}, d.text_stored ? d.bytes : "text not stored")));
    replace(document.getElementById("view"),
            el("h1", {}, "Documents"),
            el("p", {}, `${documents.length} documents. Open one to read its coded stances and code more.`),
            el("table", {class: "list"},
               el("thead", {}, el("tr", {}, ["title", "id", "language", "date", "bytes stored"].map(
                   (h) => el("th", {scope: "col"}, h)))),
               el("tbody", {}, rows)));
}

function colouring(stances, by) {
    const byActor = actorColours(stances.map((s) => s.actor));
    return (stance) => (by === "actor" ? byActor.get(stance.actor) : kindColour(stance.position));
}

function legend(stances, by) {
    const items = by === "actor" ? [...actorColours(stances.map((s) => s.actor))].map(([actor, colour]) => [actor, colour])
                                 : [...new Set(stances.map((s) => s.position))].map((kind) => [kind, kindColour(kind)]);
    return el("ul", {class: "legend", "aria-label": `Colours by ${by}`},
              items.map(([label, colour]) => el("li", {}, el("span", {class: "swatch", style: {background: colour}}), label)),
              el("li", {}, el("span", {class: "swatch suggested"}), "suggestion (dashed, not yet a stance)"));
}

/// On a team server, a stance's review in its label: accepted ✓, rejected ✗, unreviewed nothing.
function reviewMark(stance) {
    const state = session.team && stance.review ? stance.review.state : "unreviewed";
    return {accepted: " ✓ accepted", rejected: " ✗ rejected"}[state] || "";
}

/// The text as runs: plain spans and <mark>s, each run's data-at its string index.
function renderText(container, text, stances, suggestions, colourOf) {
    const byKey = new Map();
    const spans = [];
    for (const stance of stances) {
        if (stance.source && stance.source.end > stance.source.start) {
            byKey.set(`s:${stance.id}`, stance);
            spans.push({key: `s:${stance.id}`, start: stance.source.start, end: stance.source.end});
        }
    }
    for (const suggestion of suggestions) {
        byKey.set(`g:${suggestion.id}`, suggestion);
        spans.push({key: `g:${suggestion.id}`, start: suggestion.start, end: suggestion.end});
    }
    const pieces = runs(text, spans);
    // A span's last run carries its text label; its first run is its stop in the tab order.
    const lastRun = new Map();
    const firstRun = new Map();
    pieces.forEach((piece, index) => piece.keys.forEach((key) => {
        lastRun.set(key, index);
        if (!firstRun.has(key)) {
            firstRun.set(key, index);
        }
    }));
    const nodes = pieces.map((piece, index) => {
        const words = text.slice(piece.from, piece.to);
        if (!piece.keys.length) {
            return el("span", {"data-at": piece.from}, words);
        }
        const coded = piece.keys.filter((key) => key.startsWith("s:")).map((key) => byKey.get(key));
        const first = coded[0];
        const labels = piece.keys.filter((key) => lastRun.get(key) === index).map((key) => {
            const item = byKey.get(key);
            return key.startsWith("s:") ? `${item.actor} · ${item.position}${reviewMark(item)}` : `suggested: ${item.actor || "?"} · ${item.position}`;
        });
        const titles = piece.keys.map((key) => {
            const item = byKey.get(key);
            return `${key.startsWith("g:") ? "suggestion: " : ""}${item.actor || "?"} ${item.position} on ${item.proposition || item.topic || item.claim || "?"}`;
        });
        return el("mark", {
            "data-at": piece.from,
            "data-keys": piece.keys.join(" "),
            "data-label": labels.length ? labels.join("; ") : null,
            class: first ? (coded.length < piece.keys.length ? "coded also-suggested" : "coded") : "suggested",
            style: first ? {"--colour": colourOf(first)} : null,
            tabindex: piece.keys.some((key) => firstRun.get(key) === index) ? 0 : null,
            title: titles.join("\n"),
        }, words);
    });
    replace(container, nodes);
    return byKey;
}

export async function showDocument(id, query) {
    const {document: document_, stances, suggestions} = await api.document(id);
    const by = localStorage.getItem("stance-colour-by") || "position";
    const text = document_.text || "";
    const textBox = el("article", {class: "text", id: "document-text", lang: document_.language || null,
                                   "aria-label": "Document text; coded passages are marked"});
    const panel = el("aside", {class: "panel", id: "panel", "aria-label": "Stance and coding"});
    const switcher = el("fieldset", {class: "switch"}, el("legend", {}, "Colour by"),
                        ["position", "actor"].map((value) => el("label", {},
                            el("input", {type: "radio", name: "colour-by", value, checked: value === by,
                                         onchange: () => { localStorage.setItem("stance-colour-by", value); showDocument(id, query); }}),
                            value)));
    replace(document.getElementById("view"),
            el("header", {class: "page-head"},
               el("h1", {}, document_.title || id),
               el("p", {class: "meta"}, [document_.language, document_.date, document_.author].filter(Boolean).join(" · "),
                  ` · ${stances.length} stances, ${suggestions.length} open suggestions`),
               el("div", {class: "controls"}, switcher, el("span", {id: "legend"}, legend(stances, by)),
                  el("a", {id: "export", class: "button", href: api.exportUrl(id), download: `${id}.json`}, "Export this document's coding"))),
            el("div", {class: "columns"}, textBox, panel));
    if (!text) {
        replace(textBox, el("p", {}, `The text of this document is not stored (it is read from ${document_.path || "a file"}); open a stance to see its quote.`));
        return;
    }
    const byKey = renderText(textBox, text, stances, suggestions, colouring(stances, by));
    const context = {document: document_, stances, reload: () => showDocument(id, query)};
    panel.append(el("p", {class: "hint"}, document.body.dataset.readOnly === "yes"
        ? "Point at or click a marked passage to see its stance. This server is read-only: nothing can be coded."
        : !can("code_stances") ? "Point at or click a marked passage to see its stance. Your account reads only."
        : "Point at or click a marked passage to see its stance; select words to code a new one."));

    const open = (mark) => {
        for (const old of textBox.querySelectorAll("mark.focused")) {
            old.classList.remove("focused");
        }
        mark.classList.add("focused");
        replace(panel);
        for (const key of mark.dataset.keys.split(" ")) {
            const item = byKey.get(key);
            if (key.startsWith("s:")) {
                showStanceDetails(panel, item, context);
            } else {
                showSuggestionDetails(panel, item, context);
            }
        }
    };
    textBox.addEventListener("click", (event) => {
        const mark = event.target.closest("mark");
        if (mark && window.getSelection().isCollapsed) {
            open(mark);
        }
    });
    textBox.addEventListener("keydown", (event) => {
        const mark = event.target.closest("mark");
        if (mark && (event.key === "Enter" || event.key === " ")) {
            event.preventDefault();
            open(mark);
        }
    });
    textBox.addEventListener("mouseup", () => offerCoding(textBox, text, panel, context));
    textBox.addEventListener("keyup", (event) => event.shiftKey && offerCoding(textBox, text, panel, context));

    const wanted = query.get("stance");
    if (wanted) {
        const mark = textBox.querySelector(`mark[data-keys~="${CSS.escape(`s:${wanted}`)}"]`);
        if (mark) {
            open(mark);
            mark.scrollIntoView({block: "center"});
            mark.focus({preventScroll: true});
        } else {
            notice(`Stance ${wanted} has no highlighted span in this document.`, "error");
        }
    }
}

function offerCoding(textBox, text, panel, context) {
    const range = document.body.dataset.readOnly === "yes" || !can("code_stances") ? null : selectedRange(textBox, text);
    if (!range) {
        return;
    }
    const map = offsets(text);
    openCodingForm(panel, {
        mode: "new",
        document: context.document,
        start: map.toByte(range.from),
        end: map.toByte(range.to),
        quote: text.slice(range.from, range.to),
        defaults: placeNear(context.stances, map.toByte(range.from)),
        done: context.reload,
    });
}
