// A meeting: who stood where. Actors down, claims across (the propositions, or the topic where a
// stance names none), each cell the actors' positions as colour and as words, every one a link to
// its quote. The data are the grid route's (the snapshot query, laid out by the server).
import {api} from "./api.js";
import {kindColour, kindMark, kindMarkLegend} from "./colours.js";
import {el, replace} from "./dom.js";
import {picker} from "./picker.js";
import {route} from "./routes.js";
import {openStance} from "./stance_link.js";

export async function showMeeting(id) {
    const view = document.getElementById("view");
    const form = picker([{name: "meeting", label: "Meeting", kind: "meeting", hint: "an id, a date or a title"}],
                        new URLSearchParams(id ? {meeting: id} : {}),
                        (values) => { window.location.hash = route("meeting", values.meeting || ""); });
    if (!id) {
        replace(view, el("h1", {}, "Who stood where"), form, el("p", {}, "Choose a meeting."));
        return;
    }
    const grid = await api.grid(id);
    const panel = el("aside", {class: "panel wide", id: "panel", hidden: true, "aria-label": "The stance of the cell"});
    const byCell = new Map(grid.cells.map((cell) => [`${cell.actor}/${cell.claim}`, cell.stances]));
    const actors = grid.actors.map((actor, index) => ({index, text: actor.name && actor.name !== actor.id ? `${actor.name} (${actor.id})` : actor.id, actor}));
    const claims = grid.claims.map((claim, index) => ({index, text: claim.label, title: claim.path || claim.topic, claim}));
    // The longer list runs down, so that the grid fits the page: claims down for a report with a
    // few speakers, actors down for a UN session (193 members, some dozens of roll calls).
    const claimsDown = claims.length > actors.length;
    const [down, across] = claimsDown ? [claims, actors] : [actors, claims];
    // Many columns (a session's roll calls) are numbered, their titles listed under the grid, and
    // their cells shrink to a coloured letter, so that a whole session fits a screen's width.
    const compact = across.length > compactFrom;
    const cell = (actor, claim) => el("td", {class: compact ? "position compact" : "position"},
        (byCell.get(`${actor.index}/${claim.index}`) || []).map((stance) => el("a", {
            href: stance.source ? route("document", stance.source.document, {stance: stance.id}) : "#",
            style: {"--colour": kindColour(stance.position)},
            title: `${actor.actor.id} ${stance.position} on ${claim.text}${stance.quote ? `: “${stance.quote.slice(0, 160)}”` : ""}`,
            "aria-label": compact ? stance.position : null,
            onclick: (event) => {
                event.preventDefault();
                openStance({...stance, actor: actor.actor.id, topic: claim.claim.topic, proposition: claim.claim.proposition}, panel);
            },
        }, compact ? kindMark(stance.position) : stance.position)));
    const columnHead = (item, index) => el("th", {scope: "col", title: item.title || item.text}, compact ? String(index + 1) : item.text);
    const head = el("tr", {}, el("th", {scope: "col"}, claimsDown ? "claim \\ actor" : "actor \\ claim"),
                    across.map(columnHead));
    const rows = down.map((item) => el("tr", {}, el("th", {scope: "row", title: item.title || null}, item.text),
        across.map((other) => (claimsDown ? cell(other, item) : cell(item, other)))));
    replace(view, el("h1", {}, `Who stood where: ${grid.meeting.title || id}`), form,
            el("p", {class: "meta"}, `${grid.meeting.date} · ${grid.actors.length} actors · ${grid.claims.length} claims · ${grid.stance_count} stances`),
            el("p", {class: "hint"}, compact ? `Each cell links to its stance; the colour repeats the mark: ${kindMarkLegend()}.`
                                             : "Each cell names the position and links to its quote; the colour repeats the word."),
            panel,
            el("div", {class: "grid-wrap"}, el("table", {class: compact ? "grid compact" : "grid", id: "meeting-grid"}, el("thead", {}, head), el("tbody", {}, rows))),
            compact ? el("ol", {class: "grid-columns", id: "meeting-columns"}, across.map((item) => el("li", {}, item.text))) : null);
}

const compactFrom = 12; // columns

