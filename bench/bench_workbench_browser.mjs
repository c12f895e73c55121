// Benchmark: "a full session's heatmap renders in under a second on this machine" (issue 12), in
// the browser. Debian's chromium, headless, driven by puppeteer-core (as tests/browser), opens the
// workbench's agreement page of one UN General Assembly session on `stance serve` and times, from
// the start of the navigation, until the page's heatmap is drawn: the page marks `heatmap-drawn`
// (performance.mark, web/js/agreement.js) in the first task after the frame that painted it, and
// sets data-drawn on the chart. The marks before it split the time: `heatmap-request` (the page's
// code loaded and running), `heatmap-received` (the SVG arrived), `heatmap-inserted` (parsed and
// in the page). Beside it, in the same run:
//   baseline   the same SVG file, saved from the server, opened by chromium on its own (file://):
//              what drawing this picture costs the browser with no page, no server, no script;
//   small      the same page for a small session (the baseline session, 1946's 50-odd states).
// Each is the median of RUNS navigations, each in a fresh tab.
//
// Usage: node bench_workbench_browser.mjs DATABASE [SESSION (70)] [SMALL_SESSION (1)] [RUNS (5)]
// with STANCE_BIN, STANCE_SOURCE_DIR, STANCE_BROWSER_WORK and STANCE_BROWSER_NODE_MODULES set as
// for the browser tests (scripts/run_workbench_benchmarks.sh sets them). Prints one line of
// key=value pairs; seconds are medians.
import fs from "node:fs";
import path from "node:path";

import {env, launchBrowser, serve} from "../tests/browser/harness.mjs";

const [database, session = "70", smallSession = "1", runsText = "5"] = process.argv.slice(2);
if (!database) {
    console.error("usage: node bench_workbench_browser.mjs DATABASE [SESSION] [SMALL_SESSION] [RUNS]");
    process.exit(2);
}
const runs = Math.max(1, Number(runsText));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => (ms / 1000).toFixed(3);

/// One navigation to the agreement page of `which` in a fresh tab: the page's own marks, in ms from
/// the navigation's start.
async function pageRun(browser, base, which) {
    const page = await browser.newPage();
    try {
        const url = new URL(base);
        url.hash = `#/agreement?session=${which}`;
        await page.goto(url.toString());
        await page.waitForSelector("#matrix-chart[data-drawn]", {timeout: 120000});
        return await page.evaluate(() => {
            const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
            return {
                request: at("heatmap-request"), received: at("heatmap-received"), inserted: at("heatmap-inserted"),
                drawn: at("heatmap-drawn"),
                cells: [...document.querySelectorAll("#matrix-chart g.cells path")].reduce(
                    (sum, path) => sum + path.getAttribute("d").split("z").length - 1, 0),
            };
        });
    } finally {
        await page.close();
    }
}

/// The SVG file opened on its own: from the navigation's start to the first task after the frame
/// that follows its load event (the same signal as the page's mark).
async function fileRun(browser, file) {
    const page = await browser.newPage();
    try {
        await page.evaluateOnNewDocument(() => {
            window.addEventListener("load", () => requestAnimationFrame(() => setTimeout(() => {
                window.drawnAt = performance.now();
            })));
        });
        await page.goto(`file://${file}`);
        await page.waitForFunction(() => window.drawnAt !== undefined, {timeout: 120000});
        return await page.evaluate(() => window.drawnAt);
    } finally {
        await page.close();
    }
}

async function main() {
    const server = await serve(database, "--read-only");
    const browser = await launchBrowser();
    try {
        // The heatmap as the server sends it, saved for the baseline.
        const origin = new URL(server.url).origin;
        const answer = await fetch(`${origin}/api/agreement-matrix.svg?session=${session}`);
        if (!answer.ok) {
            throw new Error(`GET the heatmap of session ${session}: ${answer.status} ${await answer.text()}`);
        }
        const svg = await answer.text();
        fs.mkdirSync(env.work, {recursive: true});
        const file = path.join(env.work, `heatmap-${session}.svg`);
        fs.writeFileSync(file, svg);

        // The first look, then the runs: the database's pages and the browser's cache warm, as for
        // every look after the first.
        const first = await pageRun(browser, server.url, session);
        const full = [];
        const small = [];
        const alone = [];
        for (let run = 0; run < runs; ++run) {
            full.push(await pageRun(browser, server.url, session));
            small.push(await pageRun(browser, server.url, smallSession));
            alone.push(await fileRun(browser, file));
        }
        const field = (list, name) => median(list.map((entry) => entry[name]));
        const baseline = median(alone);
        const drawn = field(full, "drawn");
        console.log([
            `session=${session}`, `cells=${full[0].cells}`, `svg_bytes=${Buffer.byteLength(svg)}`, `runs=${runs}`,
            `baseline_svg_file_seconds=${seconds(baseline)}`,
            `page_seconds=${seconds(drawn)}`, `page_ratio=${(drawn / baseline).toFixed(2)}`,
            `page_request_seconds=${seconds(field(full, "request"))}`,
            `page_received_seconds=${seconds(field(full, "received"))}`,
            `page_inserted_seconds=${seconds(field(full, "inserted"))}`,
            `page_max_seconds=${seconds(Math.max(...full.map((entry) => entry.drawn)))}`,
            `first_page_seconds=${seconds(first.drawn)}`,
            `small_session=${smallSession}`, `small_cells=${small[0].cells}`,
            `small_page_seconds=${seconds(field(small, "drawn"))}`,
        ].join(" "));
    } finally {
        await browser.close();
        server.process.kill("SIGTERM");
    }
}

main().catch((failure) => {
    console.error(`bench_workbench_browser: ${failure.message}`);
    process.exit(1);
});
