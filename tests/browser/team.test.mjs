// The workbench of a team in a real browser (issue 15): `stance serve --team` on the seed report,
// three coders in browser contexts of their own (each its own cookies): two coders log in and each
// codes a sentence of the report, a reviewer accepts one of the two from the review queue, and the
// document view shows the review. Screenshots of the login, the coding, the queue and the reviewed
// document are kept in the build tree (STANCE_BROWSER_WORK) to be looked at.
import {after, afterEach, before, test} from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

import {env, launchBrowser, open, screenshot, selectWords, serve, stance} from "./harness.mjs";

const seedDocument = "nl-mfa-letter-nac-fm-2017-03-31";
const password = "a long browser test password";
let server;
let browser;
const pageErrors = [];
const coded = {};

/// A database with the seed report and the team's accounts.
function teamDatabase() {
    fs.mkdirSync(env.work, {recursive: true});
    const database = path.join(env.work, "team.db");
    for (const suffix of ["", "-wal", "-shm"]) {
        fs.rmSync(database + suffix, {force: true});
    }
    stance(database, "import", "data/seed/nato-2017-03-31.json");
    for (const [name, role] of [["ada", "coder"], ["ben", "coder"], ["rita", "reviewer"]]) {
        addCoder(database, name, role);
    }
    return database;
}

function addCoder(database, name, role) {
    stance(database, "coders", "add", name, "--role", role, {input: `${password}\n`}); // the password on standard input
}

/// A page of its own browser context (its own cookie jar), logged in as `name`.
async function loggedIn(name) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`${name}: ${error.message}`));
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.ready === "login");
    await page.type("form.login [name=name]", name);
    await page.type("form.login [name=password]", password);
    if (name === "ada") {
        await screenshot(page, "team-login");
    }
    await page.click("form.login button[type=submit]");
    await page.waitForFunction(() => document.body.dataset.ready && document.body.dataset.ready !== "login");
    return page;
}

async function codeSentence(page, pattern, actor, claim) {
    await open(page, server.url, `#/document/${seedDocument}`);
    await selectWords(page, pattern);
    await page.waitForSelector("form.coding");
    assert.equal(await page.$("form.coding [name=coder]"), null, "a team's coder is the one logged in: no coder field");
    await page.type("form.coding [name=actor]", actor);
    await page.type("form.coding [name=claim]", claim);
    await page.select("form.coding [name=position]", "support");
    await page.click("form.coding button[type=submit]");
    await page.waitForFunction(() => /Coded /.test(document.getElementById("notice").textContent), {timeout: 10000});
    return page.$eval("#notice", (box) => box.textContent.match(/Coded (\S+) \(change \d+\)/)[1]);
}

before(async () => {
    server = await serve(teamDatabase(), "--team");
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    server?.process.kill("SIGTERM");
});

afterEach(() => {
    assert.deepEqual(pageErrors.splice(0), [], "no script error on the pages");
});

test("a team server asks for a login, and refuses a wrong password with its message", async () => {
    assert.doesNotMatch(server.url, /token=/, "a team server prints no token");
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.ready === "login");
    await page.type("form.login [name=name]", "ada");
    await page.type("form.login [name=password]", "not her password");
    await page.click("form.login button[type=submit]");
    await page.waitForSelector("form.login .refusal:not([hidden])");
    assert.match(await page.$eval("form.login .refusal", (p) => p.textContent), /name or the password/);
    await context.close();
});

test("two coders log in and each codes a sentence of the seed report", async () => {
    const ada = await loggedIn("ada");
    const ben = await loggedIn("ben");
    assert.equal(await ada.$eval("#who .coder", (s) => s.dataset.coder), "ada");
    assert.equal(await ben.$eval("#who .coder", (s) => s.dataset.coder), "ben");
    assert.equal(await ada.$eval('nav a[data-page="review"]', (a) => a.hidden), true, "a coder has no review queue");
    coded.ada = await codeSentence(ada, /De NAVO kan\s+hierbij specifieke capaciteiten aanbieden/, "NAVO", "counter-terrorism");
    await screenshot(ada, "team-coded-ada");
    coded.ben = await codeSentence(ben, /In de NRR werd eveneens gesproken over de situatie in Afghanistan/, "NAVO", "afghanistan");

    // Each sees the other's stance after a reload, and cannot edit it (no edit_others).
    await open(ada, server.url, `#/document/${seedDocument}`);
    await ada.click(`#document-text mark[data-keys~="s:${coded.ben}"]`);
    const buttons = await ada.$$eval(`#panel section.card[data-stance="${coded.ben}"] button`, (list) => list.map((b) => b.textContent));
    assert.ok(!buttons.includes("Edit") && !buttons.includes("Delete"), `ada's buttons on ben's stance: ${buttons}`);
    const exported = await ada.evaluate(async (document) => (await fetch(`/api/export?document=${document}`)).json(), seedDocument);
    assert.equal(exported.stances.find((s) => s.id === coded.ada).coder, "ada");
    assert.equal(exported.stances.find((s) => s.id === coded.ben).coder, "ben");
    await ada.browserContext().close();
    await ben.browserContext().close();
});

test("a reviewer accepts one of them from the queue, and the document shows it", async () => {
    assert.ok(coded.ada && coded.ben, "the coding test ran first");
    const rita = await loggedIn("rita");
    await open(rita, server.url, "#/review");
    const queued = await rita.$$eval(".queue section.card", (cards) => cards.map((c) => c.dataset.stance));
    assert.ok(queued.includes(coded.ada) && queued.includes(coded.ben), `the queue: ${queued}`);
    await screenshot(rita, "team-review-queue");
    await rita.$$eval(`.queue section.card[data-stance="${coded.ada}"] button`, (list) => list.find((b) => b.textContent === "Accept").click());
    await rita.waitForFunction(() => /Accepted /.test(document.getElementById("notice").textContent));
    await rita.waitForFunction((id) => !document.querySelector(`.queue section.card[data-stance="${id}"]`), {}, coded.ada);

    await open(rita, server.url, `#/document/${seedDocument}`);
    const label = await rita.$$eval(`#document-text mark[data-keys~="s:${coded.ada}"][data-label]`, (marks) => marks.map((m) => m.dataset.label).join(" "));
    assert.match(label, /accepted/);
    await rita.click(`#document-text mark[data-keys~="s:${coded.ada}"]`);
    const card = await rita.$eval(`#panel section.card[data-stance="${coded.ada}"]`, (c) => c.textContent);
    assert.match(card, /accepted by rita/);
    await screenshot(rita, "team-reviewed");
    await rita.click(`#document-text mark[data-keys~="s:${coded.ben}"]`);
    assert.match(await rita.$eval(`#panel section.card[data-stance="${coded.ben}"]`, (c) => c.textContent), /unreviewed/);
});
