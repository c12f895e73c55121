// Colours of positions and actors, each with the words that say the same, so that colour is never
// the only carrier: every coloured thing also shows or names its position in text.

/// The position kinds of docs/position-scale.md, in the order forms and legends list them.
export const kinds = ["support", "oppose", "concern", "conditional", "neutral", "abstain", "no_position", "absent",
                      "not_member"];

export const bases = ["statement", "vote", "reported", "inferred", "recalled"];

const kindColours = {
    support: "#1a9850",
    oppose: "#d73027",
    concern: "#f46d43",
    conditional: "#fdae61",
    neutral: "#999999",
    abstain: "#8073ac",
    no_position: "#bdbdbd",
    absent: "#d9d9d9",
    not_member: "#eeeeee",
};

export function kindColour(kind) {
    return kindColours[kind] || "#bbbbbb";
}

/// A short text for a kind, used inside small cells ("sup", "opp").
export function kindAbbreviation(kind) {
    return {no_position: "none", not_member: "n/m", conditional: "cond"}[kind] || kind.slice(0, 3);
}

// Twelve colours told apart in print (ColorBrewer's Paired scheme, a published palette).
const actorPalette = ["#1f78b4", "#33a02c", "#e31a1c", "#ff7f00", "#6a3d9a", "#b15928", "#a6cee3", "#b2df8a",
                      "#fb9a99", "#fdbf6f", "#cab2d6", "#ffff99"];

/// A colour per actor, stable for a list of actors: the order in which they first appear.
export function actorColours(actors) {
    const colours = new Map();
    for (const actor of actors) {
        if (!colours.has(actor)) {
            colours.set(actor, actorPalette[colours.size % actorPalette.length]);
        }
    }
    return colours;
}

/// One character for a kind, for the smallest cells (a session's roll calls); `kindMarkLegend` says
/// what each means, shown beside them.
const kindMarks = {support: "+", oppose: "−", concern: "!", conditional: "?", neutral: "=", abstain: "○",
                   no_position: "·", absent: "–", not_member: "×"};

export function kindMark(kind) {
    return kindMarks[kind] || "?";
}

export function kindMarkLegend() {
    return kinds.map((kind) => `${kindMarks[kind]} ${kind.replace("_", " ")}`).join(" · ");
}
