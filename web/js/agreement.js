// Agreement: the agreement matrix of a session as a heatmap in seriation order (blocs show as
// squares on the diagonal), and two actors' agreement over time as a line chart. Both charts are
// the server's (`agreement-matrix --format svg`, `agreement --format svg`); clicking a cell of the
// heatmap draws that pair's line.
import {api} from "./api.js";
import {focusableMarks, inlineSvg} from "./chart.js";
import {el, replace} from "./dom.js";
import {picker} from "./picker.js";
import {route} from "./routes.js";

const periods = [["session", "per session"], ["year", "per year"], ["meeting", "per meeting"]];

export async function showAgreement(query) {
    const matrix = el("div", {class: "chart", id: "matrix-chart"});
    const line = el("div", {class: "chart", id: "agreement-chart"});
    const go = (values) => { window.location.hash = route("agreement", "", {...Object.fromEntries(query), ...values}); };
    replace(document.getElementById("view"), el("h1", {}, "Agreement in votes"),
            el("h2", {}, "A session's agreement matrix"),
            picker([{name: "session", label: "Session", hint: "a UN General Assembly session number, such as 45"},
                    {name: "topic", label: "Topic", kind: "topic", hint: "optional: roll calls on this topic only"}],
                   query, (values) => go({session: values.session || "", topic: values.topic || ""})),
            matrix,
            el("h2", {}, "Two actors over time"),
            el("p", {class: "hint"}, "Click a cell of the matrix, or name two actors."),
            picker([{name: "a", label: "First actor", kind: "actor", hint: "an id or a name in any language"},
                    {name: "b", label: "Second actor", kind: "actor", hint: "an id or a name in any language"},
                    {name: "by", label: "Periods", options: periods, hint: "one point per period"}],
                   query, (values) => go({a: values.a || "", b: values.b || "", by: values.by || ""})),
            line);
    await Promise.all([drawMatrix(matrix, query, go), drawLine(line, query)]);
}

async function drawMatrix(container, query, go) {
    if (!query.get("session")) {
        container.append(el("p", {}, "Choose a session."));
        return;
    }
    const svg = inlineSvg(container, await api.matrixSvg({session: query.get("session"), topic: query.get("topic")}));
    if (!svg) {
        return;
    }
    // The row labels name the actors in the heatmap's order; cells run row by row.
    const actors = [...svg.querySelectorAll(".row-label[data-actor]")].map((label) => label.dataset.actor);
    const cells = [...svg.querySelectorAll(".cell")];
    cells.forEach((cell, index) => {
        cell.dataset.a = actors[Math.floor(index / actors.length)];
        cell.dataset.b = actors[index % actors.length];
    });
    // Tens of thousands of cells on a full session: one listener on the group, and the cells stay
    // out of the tab order (the pair form does the same by keyboard).
    svg.querySelector("g.cells")?.addEventListener("click", (event) => {
        const cell = event.target.closest(".cell");
        if (cell && cell.dataset.a !== cell.dataset.b) {
            go({a: cell.dataset.a, b: cell.dataset.b});
        }
    });
}

async function drawLine(container, query) {
    if (!query.get("a") || !query.get("b")) {
        container.append(el("p", {}, "Choose two actors."));
        return;
    }
    const svg = inlineSvg(container, await api.agreementSvg({first: query.get("a"), second: query.get("b"),
                                                             by: query.get("by") || "session", topic: query.get("topic")}));
    if (svg) {
        focusableMarks(svg, ".point");
    }
}
