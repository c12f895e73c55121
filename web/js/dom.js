// Building the pages' DOM. Text from the database only ever enters through text nodes and
// attributes, never as HTML, so a quote holding "<script>" is shown, not run.

/// An element: el("a", {href: "#/x", class: "y", onclick: f}, "text", child, …). Attributes that
/// are null, undefined or false are left out; `style` is an object of properties; children that
/// are strings become text nodes.
export function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith("on") && typeof value === "function") {
            node.addEventListener(name.slice(2), value);
        } else if (name === "dataset") {
            Object.assign(node.dataset, value);
        } else if (name === "style") {
            // Through the CSSOM: the server's Content-Security-Policy refuses style attributes.
            for (const [property, setting] of Object.entries(value)) {
                node.style.setProperty(property, setting);
            }
        } else {
            node.setAttribute(name, value === true ? "" : String(value));
        }
    }
    append(node, children);
    return node;
}

function append(node, children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/// Replaces everything inside `node` with `children`.
export function replace(node, ...children) {
    node.replaceChildren();
    append(node, children);
    return node;
}

/// A labelled form field: <label>Text <input …></label>, so that every field has its name.
export function field(label, input, hint) {
    return el("label", {class: "field"}, el("span", {class: "label"}, label), input,
              hint ? el("span", {class: "hint"}, hint) : null);
}

/// A definition list from [term, value] pairs, skipping empty values.
export function details(pairs) {
    const list = el("dl", {class: "details"});
    for (const [term, value] of pairs) {
        if (value === null || value === undefined || value === "") {
            continue;
        }
        list.append(el("dt", {}, term), el("dd", {}, String(value)));
    }
    return list;
}

/// The page's message line: errors the API returned, or what a write did, with an optional
/// button ({label, run}) such as the undo of that write.
export function notice(message, kind = "info", action = null) {
    const box = document.getElementById("notice");
    box.hidden = !message;
    box.className = `notice ${kind}`;
    box.textContent = message || "";
    if (message && action) {
        box.append(" ", el("button", {type: "button", onclick: action.run}, action.label));
    }
}
