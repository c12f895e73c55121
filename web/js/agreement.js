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
    // The marks time the heatmap (bench/bench_workbench_browser.mjs): asked, arrived, in the page, drawn.
    performance.mark("heatmap-request");
    const text = await api.matrixSvg({session: query.get("session"), topic: query.get("topic")});
    performance.mark("heatmap-received");
    const svg = inlineSvg(container, text);
    if (!svg) {
        return;
    }
    // The cells are a few paths, one per shade (a full session has 37,000 cells): the pair clicked
    // is found from where the click falls on the grid, whose geometry the group carries, and the
    // row labels name the actors in the heatmap's order. The cells stay out of the tab order; the
    // pair form does the same by keyboard.
    const actors = [...svg.querySelectorAll(".row-label[data-actor]")].map((label) => label.dataset.actor);
    const cells = svg.querySelector("g.cells");
    cells?.addEventListener("click", (event) => {
        const [a, b] = pairAt(svg, cells, actors, event);
        if (a && b && a !== b) {
            go({a, b});
        }
    });
    performance.mark("heatmap-inserted");
    afterNextPaint(() => {
        performance.mark("heatmap-drawn");
        container.dataset.drawn = "yes";
    });
}

/// The two actors of the cell under a click: the row's and the column's.
function pairAt(svg, cells, actors, event) {
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
    const size = Number(cells.dataset.cell);
    const row = Math.floor((point.y - Number(cells.dataset.y)) / size);
    const column = Math.floor((point.x - Number(cells.dataset.x)) / size);
    return [actors[row], actors[column]];
}

// The first task after the next frame: by then the browser has laid out and painted what is in the page.
function afterNextPaint(then) {
    requestAnimationFrame(() => setTimeout(then, 0));
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
