// What the browser tests share: a fresh database with the bundled data, `stance serve` on it (port
// 0, the address with the token read from its output), Debian's chromium driven by puppeteer-core,
// and helpers to wait for a page and keep its screenshot as a test artefact.
import {spawn, execFileSync} from "node:child_process";
import {createRequire} from "node:module";
import fs from "node:fs";
import path from "node:path";

export const env = {
    stance: process.env.STANCE_BIN,                 // the stance binary under test
    source: process.env.STANCE_SOURCE_DIR,          // the repository, for the bundled data
    work: process.env.STANCE_BROWSER_WORK,          // the build tree's folder for the database and screenshots
    modules: process.env.STANCE_BROWSER_NODE_MODULES, // where install-deps.sh put puppeteer-core
    chromium: process.env.STANCE_CHROMIUM || "/usr/bin/chromium",
};

/// Runs the stance CLI on the test database; throws with its output when it fails. A last argument
/// that is an object gives execFileSync's options ({input: "…"} for standard input).
export function stance(database, ...args) {
    const options = typeof args.at(-1) === "object" ? args.pop() : {};
    return execFileSync(env.stance, ["--db", database, ...args],
                        {cwd: env.source, encoding: "utf8", stdio: "pipe", ...options});
}

/// A new database holding the seed, the general-debate files (as scripts/demo.sh imports them),
/// the UN vote fixture of tests/data/unga, and the seed report's stored suggestions.
export function freshDatabase() {
    fs.mkdirSync(env.work, {recursive: true});
    const database = path.join(env.work, "workbench.db");
    for (const suffix of ["", "-wal", "-shm"]) {
        fs.rmSync(database + suffix, {force: true});
    }
    const debates = ["nld", "usa", "gbr", "fra", "deu", "ukr", "rus", "chn"].map(
        (state) => `data/general-debate/${state}-russia-ukraine.json`);
    stance(database, "import", "data/seed/nato-2017-03-31.json", ...debates);
    stance(database, "import-unga", "tests/data/unga", "--full-codes", "tests/data/unga");
    stance(database, "suggest", "nl-mfa-letter-nac-fm-2017-03-31", "--store", "--language", "nl",
           "--speaker-actor", "nld", "--min-confidence", "0.8");
    return database;
}

/// Starts `stance serve` on `database` and resolves to {url, process} once it prints its address.
export function serve(database, ...options) {
    const server = spawn(env.stance, ["--db", database, "serve", "--port", "0", ...options],
                         {cwd: env.source, stdio: ["ignore", "pipe", "pipe"]});
    let output = "";
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`stance serve printed no address in 20 s:\n${output}`)), 20000);
        const read = (chunk) => {
            output += chunk;
            const found = output.match(/http:\/\/127\.0\.0\.1:\d+\/\S*/);
            if (found) {
                clearTimeout(timer);
                resolve({url: found[0], database, process: server, output: () => output});
            }
        };
        server.stdout.on("data", read);
        server.stderr.on("data", read);
        server.on("exit", (code) => { clearTimeout(timer); reject(new Error(`stance serve exited with ${code}:\n${output}`)); });
    });
}

export async function launchBrowser() {
    const require = createRequire(path.join(env.modules, "noop.js"));
    const puppeteer = require("puppeteer-core");
    return puppeteer.launch({
        executablePath: env.chromium,
        headless: true,
        args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"],
        defaultViewport: {width: 1280, height: 900},
    });
}

/// Opens `hash` (a route such as "#/documents") and waits until the page says it is drawn.
export async function open(page, base, hash) {
    await page.evaluate(() => { delete document.body.dataset.ready; }).catch(() => {});
    const url = new URL(base);
    url.hash = hash;
    if (new URL(page.url()).hash === hash) {
        await page.reload(); // the same address again: no hashchange, so load it afresh
    } else if (page.url().startsWith(url.origin)) {
        await page.evaluate((h) => { window.location.hash = h; }, hash);
    } else {
        await page.goto(url.toString());
    }
    await page.waitForFunction(() => document.body.dataset.ready, {timeout: 15000});
    const error = await page.$eval("main", (main) => main.querySelector(".error")?.textContent || "");
    if (error) {
        throw new Error(`${hash} shows an error: ${error}`);
    }
}

export async function screenshot(page, name) {
    const file = path.join(env.work, `workbench-${name}.png`);
    await page.screenshot({path: file});
    return file;
}

/// Selects the words matching `pattern` inside the document text, as a reader's drag would, and
/// releases the mouse there, so that the page offers the coding form.
export async function selectWords(page, pattern) {
    const found = await page.evaluate((source) => {
        const expression = new RegExp(source);
        const root = document.getElementById("document-text");
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const match = node.data.match(expression);
            if (match) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                node.parentElement.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
                return match[0];
            }
        }
        return null;
    }, pattern.source);
    if (!found) {
        throw new Error(`no text of the document matches ${pattern}`);
    }
    return found;
}
