// Opening a stance where its words are: its document at the quote when the text is stored, else
// the stance's card beside the chart (a UN vote's source is a row of a vote table whose text the
// database does not hold; the card shows the row's words, which the stance keeps as its quote).
import {api} from "./api.js";
import {replace} from "./dom.js";
import {route} from "./routes.js";
import {showStanceDetails} from "./stance_panel.js";

let storedTexts = null; // the ids of documents whose text is stored, read once per page load

async function textStored(document) {
    if (!storedTexts) {
        const {documents} = await api.documents();
        storedTexts = new Set(documents.filter((d) => d.text_stored).map((d) => d.id));
    }
    return storedTexts.has(document);
}

/// A stance as the query JSON prints it ("stance", "kind") in the record's own names ("id", "position").
export function fromQueryJson(item) {
    return {...item, id: item.stance ?? item.id, position: item.kind ?? item.position};
}

/// Goes to the stance's quote in its document, or shows the stance in `panel`.
export async function openStance(stance, panel) {
    if (stance.source && (await textStored(stance.source.document))) {
        window.location.hash = route("document", stance.source.document, {stance: stance.id});
        return;
    }
    replace(panel);
    panel.hidden = false;
    showStanceDetails(panel, stance, {});
    panel.querySelector(".card")?.focus();
}
