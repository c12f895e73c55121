// A meeting: who stood where. Actors down, claims across (the propositions, or the topic where a
// stance names none), each cell the actors' positions as colour and as words, every one a link to
// its quote. The data are the snapshot query's (`stance snapshot --format json`).
import {api} from "./api.js";
import {kindColour} from "./colours.js";
import {el, replace} from "./dom.js";
import {route} from "./routes.js";

const list = (payload, name) => (Array.isArray(payload) ? payload : payload[name] || []);

export async function showMeeting(id) {
    if (!id) {
        return showMeetingList();
    }
    const snapshot = await api.snapshot(id);
    const {actors, claims, cells} = grid(snapshot);
    const meeting = snapshot.meeting || {};
    const head = el("tr", {}, el("th", {scope: "col"}, "actor \\ claim"),
                    claims.map((claim) => el("th", {scope: "col", title: claim.topic}, claim.label)));
    const rows = actors.map((actor) => el("tr", {},
        el("th", {scope: "row"}, actor.name && actor.name !== actor.id ? `${actor.name} (${actor.id})` : actor.id),
        claims.map((claim) => {
            const stances = cells.get(`${actor.id}\n${claim.key}`) || [];
            return el("td", {class: "position"}, stances.map((stance) => el("a", {
                href: route("stance", stance.id),
                style: `--colour:${kindColour(stance.kind)}`,
                title: `${actor.id} ${stance.kind} on ${claim.label}${stance.quote ? `: “${stance.quote.slice(0, 160)}”` : ""}`,
            }, stance.kind)));
        })));
    replace(document.getElementById("view"),
            el("h1", {}, `Who stood where: ${meeting.title || id}`),
            el("p", {class: "meta"}, [meeting.date, meeting.location, `${snapshot.stance_count ?? ""} stances`].filter(Boolean).join(" · ")),
            el("p", {class: "hint"}, "Each cell names the position and links to its quote; the colour repeats the word."),
            el("div", {class: "grid-wrap"}, el("table", {class: "grid", id: "meeting-grid"}, el("thead", {}, head), el("tbody", {}, rows))));
}

/// Actors, claims and the stances of each (actor, claim) from the snapshot's topic → actor → stances.
function grid(snapshot) {
    const actors = new Map();
    const claims = new Map();
    const cells = new Map();
    for (const topic of snapshot.topics || []) {
        for (const actor of topic.actors || []) {
            actors.set(actor.actor, {id: actor.actor, name: actor.name});
            for (const item of actor.stances || []) {
                const key = item.proposition || topic.topic;
                if (!claims.has(key)) {
                    claims.set(key, {key, label: item.statement || item.proposition || topic.label || topic.topic,
                                     topic: topic.label || topic.topic});
                }
                const cell = `${actor.actor}\n${key}`;
                cells.set(cell, [...(cells.get(cell) || []),
                                 {id: item.stance || item.id, kind: item.kind || item.position, quote: item.quote}]);
            }
        }
    }
    return {actors: [...actors.values()], claims: [...claims.values()], cells};
}

async function showMeetingList() {
    const meetings = list(await api.meetings(), "meetings");
    replace(document.getElementById("view"), el("h1", {}, "Meetings"),
            el("p", {}, "Open a meeting to see who stood where."),
            el("table", {class: "list"},
               el("thead", {}, el("tr", {}, ["meeting", "date", "body", "stances"].map((h) => el("th", {scope: "col"}, h)))),
               el("tbody", {}, meetings.map((m) => el("tr", {},
                   el("td", {}, el("a", {href: route("meeting", m.id)}, m.title || m.id)), el("td", {}, m.date || ""),
                   el("td", {}, m.body || ""), el("td", {class: "number"}, m.stances ?? ""))))));
}
