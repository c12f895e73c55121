// The coding form: a new stance on the selected words, an edit of a stored one, or a suggestion
// accepted with changes. Names complete in any language through the API, as the CLI resolves them;
// the server's checked write path decides, and a refusal is shown with its message, in the form.
import {api, session} from "./api.js";
import {bases, kinds} from "./colours.js";
import {el, field, notice, replace} from "./dom.js";
import {undoAction} from "./stance_panel.js";

let completionCount = 0;

/// A text input that offers the server's completions of `kind` (actor, person, claim, topic, meeting)
/// while one types, through a <datalist>, so the browser's own accessible list shows them.
export function completing(name, kind, value) {
    const list = el("datalist", {id: `complete-${name}-${++completionCount}`});
    const input = el("input", {type: "text", name, value: value || "", list: list.id, autocomplete: "off"});
    let timer = null;
    let asked = "";
    input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const text = input.value.trim();
            if (text.length < 1 || text === asked) {
                return;
            }
            asked = text;
            try {
                const payload = await api.complete(kind, text);
                replace(list, payload.matches.map((match) => el("option", {value: match.id, label: match.label || match.id})));
            } catch {
                replace(list); // completion is help, not a requirement: typing a name still works
            }
        }, 150);
    });
    return [input, list];
}

function select(name, options, value) {
    return el("select", {name}, options.map((option) => el("option", {value: option, selected: option === value}, option)));
}

/// The meeting and agenda item of the stance coded last before byte `at` in the document (the
/// part of the report the words belong to), else those most of its stances were coded at: the
/// form's defaults.
export function placeNear(stances, at) {
    const before = (stances || []).filter((s) => s.source && s.source.start <= at)
        .sort((a, b) => b.source.start - a.source.start)[0];
    const chosen = before || mostCommonPlace(stances || []);
    if (!chosen) {
        return {};
    }
    return chosen.agenda_item ? {meeting: chosen.meeting, agenda_item: chosen.agenda_item} : {meeting: chosen.meeting};
}

function mostCommonPlace(stances) {
    const counts = new Map();
    for (const stance of stances) {
        const key = `${stance.meeting}\n${stance.agenda_item || ""}`;
        counts.set(key, {count: (counts.get(key)?.count || 0) + 1, stance});
    }
    return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.stance;
}

/// What the form starts with: the stance being edited, the suggestion being accepted, or the
/// document's usual meeting for a new stance.
function startingValues(options) {
    const from = options.stance || options.suggestion || {};
    const defaults = options.defaults || {};
    return {
        actor: from.actor || "",
        claim: from.proposition || from.topic || "",
        topic: from.topic || "",
        proposition: from.proposition || "",
        position: from.position || "support",
        score: options.stance && options.stance.score !== undefined ? options.stance.score : "",
        basis: from.basis || "statement",
        speaker: from.speaker || "",
        meeting: from.meeting || defaults.meeting || "",
        agenda_item: from.agenda_item || defaults.agenda_item || "",
        note: from.note || "",
        coder: localStorage.getItem("stance-coder") || "",
    };
}

// The fields each write takes (docs/http-api.md): a new stance names its claim as `stance code`
// does; an edit and a review name the topic and proposition apart.
const fieldsOf = {
    new: ["actor", "claim", "position", "score", "basis", "speaker", "meeting", "agenda_item", "note", "coder"],
    edit: ["actor", "topic", "proposition", "position", "score", "basis", "note"],
    accept: ["actor", "topic", "proposition", "position", "score", "basis", "speaker", "meeting", "note"],
};

function inputs(start) {
    const complete = (name, kind, label, hint) => {
        const [input, list] = completing(name, kind, start[name]);
        return [field(label, input, hint), list];
    };
    return {
        actor: () => complete("actor", "actor", "Actor", "an id or a name in any language"),
        claim: () => complete("claim", "claim", "Claim", "a proposition, or a topic's id or name"),
        topic: () => complete("topic", "topic", "Topic", "a topic's id or name"),
        proposition: () => complete("proposition", "proposition", "Proposition", "optional: a proposition under the topic"),
        position: () => [field("Position", select("position", kinds, start.position))],
        score: () => [field("Score", el("input", {type: "number", name: "score", min: -1, max: 1, step: 0.05, value: start.score}),
                            "empty: the position's default")],
        basis: () => [field("Basis", select("basis", bases, start.basis))],
        speaker: () => complete("speaker", "person", "Speaker", "optional: the person who said it"),
        meeting: () => complete("meeting", "meeting", "Meeting", "an id, a date or a title; filled from the stance coded just before"),
        agenda_item: () => [field("Agenda item", el("input", {type: "text", name: "agenda_item", value: start.agenda_item}),
                                  "optional: its id; check it")],
        note: () => [field("Note", el("textarea", {name: "note", rows: 2}, start.note))],
        coder: () => [field("Coder", el("input", {type: "text", name: "coder", value: start.coder}), "who codes: kept in this browser")],
    };
}

const titles = {new: "Code a stance on the selection", edit: "Edit the stance", accept: "Accept the suggestion"};

/// The fields of a form: on a team server a new stance carries the logged-in coder, not a typed name.
function fieldNames(mode) {
    return fieldsOf[mode].filter((name) => !(session.team && name === "coder"));
}

export function openCodingForm(panel, options) {
    const start = startingValues(options);
    const builders = inputs(start);
    const refusal = el("div", {class: "refusal", role: "alert", hidden: true});
    const quote = options.quote || (options.stance && options.stance.quote) || "";
    const form = el("form", {class: "card coding", "aria-label": titles[options.mode], "data-mode": options.mode},
        el("h2", {}, titles[options.mode]),
        quote ? el("blockquote", {class: "quote"}, quote) : null,
        options.start !== undefined ? el("p", {class: "hint"}, `bytes [${options.start}, ${options.end}) of ${options.document.id}`) : null,
        el("div", {class: "fields"}, fieldNames(options.mode).map((name) => builders[name]())),
        refusal,
        el("div", {class: "actions"}, el("button", {type: "submit"}, options.mode === "edit" ? "Save the change" : "Save"),
           el("button", {type: "button", onclick: () => form.remove()}, "Cancel")));
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        submit(form, refusal, options);
    });
    panel.querySelector("form.coding")?.remove(); // one form at a time
    panel.prepend(form);
    form.elements[fieldNames(options.mode)[0]].focus();
    return form;
}

function formValues(form, mode) {
    const values = {};
    for (const name of fieldNames(mode)) {
        const value = form.elements[name].value.trim();
        if (value !== "") {
            values[name] = name === "score" ? Number(value) : value;
        }
    }
    return values;
}

/// Only what the coder changed, for an edit: the server keeps the rest.
function changes(values, stance) {
    const before = startingValues({stance});
    const changed = {};
    for (const [name, value] of Object.entries(values)) {
        if (String(before[name] ?? "") !== String(value)) {
            changed[name] = value;
        }
    }
    return changed;
}

/// What a 412 shows: the stance as another coder left it, and a way to edit that state instead.
function changedMeanwhile(current, options) {
    if (!current) {
        return null;
    }
    return el("div", {class: "changed"},
              el("p", {}, `Now: ${current.actor} · ${current.position}${current.note ? ` · note: ${current.note}` : ""} (coder ${current.coder || "?"}).`),
              el("button", {type: "button", onclick: () => options.done()}, "Reload and edit again"));
}

async function submit(form, refusal, options) {
    const values = formValues(form, options.mode);
    if (values.coder) {
        localStorage.setItem("stance-coder", values.coder);
    }
    refusal.hidden = true;
    try {
        let result;
        if (options.mode === "edit") {
            result = await api.edit(options.stance.id, changes(values, options.stance), options.stance.etag);
        } else if (options.mode === "accept") {
            result = await api.accept(options.suggestion.id, values);
        } else {
            result = await api.code({document: options.document.id, span: [options.start, options.end],
                                     quote: options.quote, ...values});
        }
        await options.done();
        const verb = {new: "Coded", edit: "Saved", accept: "Accepted as"}[options.mode];
        notice(`${verb} ${result.stance.id} (change ${result.change_set}).`, "info", undoAction(result.change_set, {reload: options.done}));
    } catch (error) {
        const problems = error.body && error.body.error && error.body.error.problems;
        replace(refusal, el("p", {}, error.message),
                Array.isArray(problems) ? el("ul", {}, problems.map((problem) => el("li", {}, problem.message))) : null,
                error.status === 412 ? changedMeanwhile(error.body.error.current, options) : null);
        refusal.hidden = false;
        refusal.scrollIntoView({block: "nearest"});
        notice(error.message, "error");
    }
}
