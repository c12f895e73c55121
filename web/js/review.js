// A reviewer's queue (team servers): the stances other coders coded that nobody has reviewed yet,
// each with its quote, a link to it in its document, and the two verdicts. The newest review of a
// stance counts; the document view shows every stance's state.
import {api} from "./api.js";
import {details, el, field, notice, replace} from "./dom.js";
import {route} from "./routes.js";

export async function showReviewQueue() {
    const {waiting, stances} = await api.reviewQueue();
    const view = document.getElementById("view");
    const rows = stances.map((stance) => reviewCard(stance));
    replace(view, el("h1", {}, "To review"),
            el("p", {}, waiting === 0 ? "Nothing waits for a review: every stance of others has one."
                                      : `${waiting} stances of other coders wait for a review${waiting > stances.length ? `; the first ${stances.length} are shown` : ""}.`),
            el("div", {class: "queue"}, rows));
}

function reviewCard(stance) {
    const comment = el("input", {type: "text", name: "comment"});
    const card = el("section", {class: "card stance", "data-stance": stance.id, "aria-label": `Stance ${stance.id} to review`});
    card.append(el("h2", {}, `${(stance.names && stance.names.actor) || stance.actor} · ${stance.position}`),
                details([["coder", stance.coder], ["claim", (stance.names && (stance.names.proposition || stance.names.topic)) || stance.topic],
                         ["quote", stance.quote], ["document", stance.document_title || (stance.source && stance.source.document)]]),
                el("div", {class: "actions"},
                   el("a", {href: route("document", stance.source ? stance.source.document : "", {stance: stance.id})}, "Read it in its document"),
                   field("Comment", comment),
                   el("button", {type: "button", onclick: () => verdict(api.acceptStance, stance, comment.value, "Accepted")}, "Accept"),
                   el("button", {type: "button", onclick: () => verdict(api.rejectStance, stance, comment.value, "Rejected")}, "Reject")));
    return card;
}

async function verdict(call, stance, comment, done) {
    try {
        await call(stance.id, comment);
        notice(`${done} ${stance.id}.`);
        await showReviewQueue();
    } catch (error) {
        notice(error.message, "error");
    }
}
