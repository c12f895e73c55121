// The small forms above the charts: labelled fields whose values become the page's address, so
// that a chart can be bookmarked and the back button works.
import {el, field} from "./dom.js";
import {completing} from "./coding_form.js";

/// A form of `fields` ([{name, label, kind?, options?, hint?}]) filled from `query`; submitting
/// it calls `go` with the values that are not empty.
export function picker(fields, query, go, submitLabel = "Show") {
    const form = el("form", {class: "picker"});
    for (const spec of fields) {
        const value = query.get(spec.name) || spec.value || "";
        if (spec.options) {
            form.append(field(spec.label, el("select", {name: spec.name},
                spec.options.map(([option, text]) => el("option", {value: option, selected: option === value}, text))), spec.hint));
        } else if (spec.kind) {
            const [input, list] = completing(spec.name, spec.kind, value);
            form.append(field(spec.label, input, spec.hint), list);
        } else {
            form.append(field(spec.label, el("input", {type: "text", name: spec.name, value}), spec.hint));
        }
    }
    form.append(el("button", {type: "submit"}, submitLabel));
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        const values = {};
        for (const spec of fields) {
            const value = form.elements[spec.name].value.trim();
            if (value) {
                values[spec.name] = value;
            }
        }
        go(values);
    });
    return form;
}
