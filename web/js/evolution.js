// An actor's evolution: the server's timeline of its position on a topic's scale over time (the
// chart of `stance evolution --format svg`); each mark opens its quote in its document.
import {api} from "./api.js";
import {inlineSvg, linkMarks} from "./chart.js";
import {el, replace} from "./dom.js";
import {picker} from "./picker.js";
import {route} from "./routes.js";
import {fromQueryJson, openStance} from "./stance_link.js";

const periods = [["none", "no periods"], ["year", "per year"], ["session", "per session"], ["meeting", "per meeting"]];

export async function showEvolution(query) {
    const chart = el("div", {class: "chart", id: "evolution-chart"});
    const panel = el("aside", {class: "panel wide", id: "panel", hidden: true, "aria-label": "The stance of the mark"});
    const form = picker([
        {name: "actor", label: "Actor", kind: "actor", hint: "an id or a name in any language"},
        {name: "topic", label: "Topic", kind: "topic", hint: "a topic's id or name"},
        {name: "by", label: "Periods", options: periods, value: "year", hint: "means, spread and shifts per period"},
        {name: "inherited", label: "Group stances", options: [["", "own only"], ["yes", "with inherited"]],
         hint: "those it shares as a member"},
    ], query, (values) => { window.location.hash = route("evolution", "", values); });
    replace(document.getElementById("view"), el("h1", {}, "An actor's evolution"),
            el("p", {class: "hint"}, "Each mark is one stance (shape by basis, filled when the actor's own); click one, or focus it and press Enter, to read its quote in its document."),
            form, chart, panel);
    if (!query.get("actor") || !query.get("topic")) {
        chart.append(el("p", {}, "Choose an actor and a topic."));
        return;
    }
    const parameters = {actor: query.get("actor"), topic: query.get("topic"), by: query.get("by") || "year"};
    if (query.get("inherited") === "yes") {
        parameters.include_inherited = "true";
    }
    // The chart and the same query's JSON, which holds each mark's stance with its source.
    const [svgText, evolution] = await Promise.all([api.evolutionSvg(parameters), api.evolution(parameters)]);
    const stances = new Map([...evolution.points, ...evolution.inherited].map((point) => {
        const stance = fromQueryJson(point);
        return [stance.id, stance];
    }));
    const svg = inlineSvg(chart, svgText);
    if (svg) {
        linkMarks(svg, "g.stance[data-stance]", (mark) => openStance(stances.get(mark.dataset.stance), panel));
    }
}
