// The panel beside a document: one stance or suggestion in full (actor, claim, position, basis,
// speaker, coder, note …) with what can be done to it — edit, delete, its history and undo for a
// stance; accept, edit and accept, reject for a suggestion. On a team server the card also shows
// the stance's review (accepted, rejected, unreviewed) with a reviewer's two verdicts, and only the
// buttons the coder's permissions allow.
import {api, can, session} from "./api.js";
import {details, el, field, notice, replace} from "./dom.js";
import {openCodingForm, placeNear} from "./coding_form.js";

const writable = () => document.body.dataset.readOnly !== "yes";

/// May the user edit or delete `stance`: their own with code_stances, another's with edit_others.
function mayChange(stance) {
    return !session.team || (stance.coder === session.coder.name ? can("code_stances") : can("edit_others"));
}

function reviewText(review) {
    if (!review || review.state === "unreviewed") {
        return "unreviewed";
    }
    return `${review.state} by ${review.reviewer}${review.comment ? `: ${review.comment}` : ""}`;
}

function position(item) {
    return item.score === undefined || item.score === null ? item.position : `${item.position} (${Number(item.score).toFixed(2)})`;
}

/// "Name (id)" from the record's "names", or the id alone.
function named(item, field) {
    const id = item[field];
    const name = item.names && item.names[field];
    return id && name && name !== id ? `${name} (${id})` : id || "";
}

function span(source) {
    return source ? `${source.document}, bytes [${source.start}, ${source.end})` : "";
}

/// Appends a stance's card to `panel`; `context` holds the document, its stances and reload().
export function showStanceDetails(panel, stance, context) {
    const card = el("section", {class: "card stance", "data-stance": stance.id, "aria-label": `Stance ${stance.id}`,
                                tabindex: -1});
    card.append(el("h2", {}, `${(stance.names && stance.names.actor) || stance.actor} · ${position(stance)}`),
                details([["actor", named(stance, "actor")], ["claim", named(stance, "proposition") || named(stance, "topic")],
                         ["topic", stance.proposition ? named(stance, "topic") : ""],
                         ["position", position(stance)], ["breadth", stance.breadth === "single" ? "" : stance.breadth],
                         // A dataset leaves the basis out when it is the default (docs/dataset-format.md).
                         ["basis", stance.basis || (stance.reported_by ? "reported" : "statement")], ["speaker", named(stance, "speaker")],
                         ["reported by", named(stance, "reported_by")], ["meeting", named(stance, "meeting")],
                         ["agenda item", stance.agenda_item], ["coder", stance.coder], ["note", stance.note],
                         ["paraphrase", stance.paraphrase], ["quote", stance.quote], ["source", span(stance.source)],
                         ["review", session.team ? reviewText(stance.review) : ""],
                         ["stance id", stance.id]]));
    if (context.document && writable()) {
        const history = el("div", {class: "history"});
        const changeable = mayChange(stance);
        card.append(el("div", {class: "actions"},
            changeable ? el("button", {type: "button", onclick: () => openCodingForm(panel, {mode: "edit", stance, document: context.document,
                                                                                    done: context.reload})}, "Edit") : null,
            changeable ? el("button", {type: "button", onclick: () => removeStance(stance, context)}, "Delete") : null,
            el("button", {type: "button", onclick: () => showHistory(history, stance.id, context)}, "History")),
            reviewActions(stance, context),
            history);
    }
    panel.append(card);
}

/// A reviewer's verdicts on another coder's stance (team servers only).
function reviewActions(stance, context) {
    if (!session.team || !can("review") || stance.coder === session.coder.name) {
        return null;
    }
    const comment = el("input", {type: "text", name: "review-comment"});
    const verdict = (call, done) => decide(() => call(stance.id, comment.value), context, `${done} stance ${stance.id}.`);
    return el("div", {class: "actions review"},
              field("Review comment", comment),
              el("button", {type: "button", class: "accept-stance", onclick: () => verdict(api.acceptStance, "Accepted")}, "Accept stance"),
              el("button", {type: "button", class: "reject-stance", onclick: () => verdict(api.rejectStance, "Rejected")}, "Reject stance"));
}

async function removeStance(stance, context) {
    if (!window.confirm(`Delete stance ${stance.id}? The history keeps it, and undo brings it back.`)) {
        return;
    }
    try {
        const result = await api.remove(stance.id, stance.etag);
        await context.reload();
        notice(`Deleted ${stance.id} (change ${result.change_set}).`, "info", undoAction(result.change_set, context));
    } catch (error) {
        notice(error.message, "error", error.status === 412 ? {label: "Reload the document", run: context.reload} : null);
    }
}

/// The stance's changes, newest first, each with an undo button.
export async function showHistory(box, stanceId, context) {
    try {
        const {change_sets: sets} = await api.history(stanceId, "stance");
        replace(box, el("h3", {}, "History"),
                el("ol", {class: "changes"}, sets.map((set) => el("li", {},
                    el("span", {}, [`#${set.id}`, set.at, set.by, set.action, set.summary].filter(Boolean).join(" · ")),
                    " ",
                    set.undone_by ? el("span", {class: "hint"}, `undone by #${set.undone_by}`)
                                  : el("button", {type: "button", onclick: () => undoChange(set.id, context)}, `Undo #${set.id}`)))));
    } catch (error) {
        replace(box, el("p", {class: "error", role: "alert"}, error.message));
    }
}

/// The notice's button that takes back change set `change`.
export function undoAction(change, context) {
    return {label: `Undo change ${change}`, run: () => undoChange(change, context)};
}

export async function undoChange(change, context) {
    try {
        const result = await api.undo(change);
        await context.reload();
        notice(`Change ${change} undone (change ${result.change_set}).`);
    } catch (error) {
        notice(error.message, "error");
    }
}

/// Appends a suggestion's card: what `stance suggest` proposed, the cues that fired, and the
/// three decisions.
export function showSuggestionDetails(panel, suggestion, context) {
    const reason = el("input", {type: "text", name: "reason"});
    const card = el("section", {class: "card suggestion", "data-suggestion": suggestion.id,
                                "aria-label": `Suggestion ${suggestion.id}`});
    card.append(el("h2", {}, `Suggestion ${suggestion.id}: ${suggestion.actor || "?"} · ${suggestion.position}`),
                details([["actor", named(suggestion, "actor")], ["claim", named(suggestion, "proposition") || named(suggestion, "topic")],
                         ["position", suggestion.position], ["confidence", suggestion.confidence],
                         ["cues", (suggestion.cues || []).join(", ")],
                         ["quote", suggestion.quote || suggestion.sentence],
                         ["source", `bytes [${suggestion.start}, ${suggestion.end})`]]));
    if (writable()) {
        const place = placeNear(context.stances, suggestion.start);
        card.append(el("div", {class: "actions"},
            el("button", {type: "button", onclick: () => decide(() => api.accept(suggestion.id, {meeting: place.meeting}), context, `Accepted suggestion ${suggestion.id}.`)}, "Accept"),
            el("button", {type: "button", onclick: () => openCodingForm(panel, {mode: "accept", suggestion, document: context.document,
                                                                                    defaults: place, done: context.reload})}, "Edit and accept"),
            field("Reason for rejecting", reason),
            el("button", {type: "button", onclick: () => decide(() => api.reject(suggestion.id, reason.value), context, `Rejected suggestion ${suggestion.id}.`)}, "Reject")));
    }
    panel.append(card);
}

async function decide(call, context, done) {
    try {
        await call();
        await context.reload();
        notice(done);
    } catch (error) {
        notice(error.message, "error");
    }
}

