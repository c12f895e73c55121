// The server's SVG charts (the one renderer the CLI uses too), placed inline in the page so that
// their marks can be clicked and focused. The SVG is parsed as XML, never as HTML.
import {el, replace} from "./dom.js";

/// Puts the chart `svgText` into `container` and returns its <svg> element.
export function inlineSvg(container, svgText) {
    const parsed = new DOMParser().parseFromString(svgText, "image/svg+xml");
    const root = parsed.documentElement;
    if (root.nodeName !== "svg" || parsed.querySelector("parsererror")) {
        replace(container, el("p", {class: "error", role: "alert"}, "The server's chart could not be read."));
        return null;
    }
    for (const script of root.querySelectorAll("script, foreignObject")) {
        script.remove(); // the renderer writes neither; a chart is a picture, not a program
    }
    const svg = document.importNode(root, true);
    const title = svg.querySelector("title");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", title ? title.textContent : "chart");
    replace(container, svg);
    return svg;
}

/// Makes every element matching `selector` in `svg` a keyboard-reachable link that calls
/// `open(element)` on click, Enter or Space; its <title> is its accessible name.
export function linkMarks(svg, selector, open) {
    for (const mark of focusableMarks(svg, selector)) {
        mark.setAttribute("role", "link");
        mark.addEventListener("click", () => open(mark));
        mark.addEventListener("keydown", (event) => {
            if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                open(mark);
            }
        });
    }
}

/// Puts every element matching `selector` in the tab order, named by its <title>, so that the
/// keyboard reaches the figures a pointer reads from the tooltips.
export function focusableMarks(svg, selector) {
    const marks = [...svg.querySelectorAll(selector)];
    for (const mark of marks) {
        const title = mark.querySelector("title");
        mark.setAttribute("tabindex", "0");
        if (title) {
            mark.setAttribute("aria-label", title.textContent);
        }
    }
    return marks;
}
