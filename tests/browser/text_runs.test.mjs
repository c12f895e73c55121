// The pages' text arithmetic, without a browser: UTF-8 byte offsets (what stances store) against
// the browser's string indices, and the runs a document is cut into where coded spans overlap.
import {test} from "node:test";
import assert from "node:assert/strict";

import fs from "node:fs";
import path from "node:path";
import {pathToFileURL} from "node:url";

// The pages' modules are plain .js files, which node reads as ES modules only inside a package that
// says so: a copy of web/js in the build tree with such a package.json (the assets stay as they are).
const copy = path.join(process.env.STANCE_BROWSER_WORK, "web-modules");
fs.mkdirSync(copy, {recursive: true});
fs.cpSync(path.join(process.env.STANCE_SOURCE_DIR, "web", "js"), copy, {recursive: true});
fs.writeFileSync(path.join(copy, "package.json"), '{"type": "module"}\n');
const load = (name) => import(pathToFileURL(path.join(copy, name)).href);
const {byteLength, offsets} = await load("utf8.js");
const {runs} = await load("highlight.js");
const {parseRoute, route} = await load("routes.js");

const text = "Oekraïne’s “vrede” 🇺🇦 end"; // two-byte ï, three-byte quotes, four-byte flags (surrogate pairs)

test("byte offsets and string indices convert both ways over multi-byte characters", () => {
    const map = offsets(text);
    assert.equal(map.byteLength, byteLength(text));
    for (let index = 0; index <= text.length; ++index) {
        const code = text.charCodeAt(index - 1);
        if (code >= 0xd800 && code < 0xdc00) {
            continue; // between the halves of a surrogate pair is no character boundary
        }
        assert.equal(map.toIndex(map.toByte(index)), index, `index ${index}`);
        assert.equal(map.toByte(index), byteLength(text.slice(0, index)), `bytes before index ${index}`);
    }
    const start = byteLength("Oekraïne’s “");
    const end = start + byteLength("vrede");
    assert.equal(text.slice(map.toIndex(start), map.toIndex(end)), "vrede");
});

test("an offset inside a character moves to the next boundary", () => {
    const map = offsets("ï!");
    assert.equal(map.toIndex(1), 1); // byte 1 is inside ï (bytes 0-1): the next boundary is index 1
    assert.equal(map.toIndex(2), 1);
    assert.equal(map.toIndex(3), 2);
});

test("runs cover the text in order and carry every span that covers them", () => {
    const words = "one two three four";
    const pieces = runs(words, [{key: "a", start: 4, end: 13}, {key: "b", start: 8, end: 18}, {key: "empty", start: 5, end: 5}]);
    assert.deepEqual(pieces.map((p) => [words.slice(p.from, p.to), p.keys]), [
        ["one ", []], ["two ", ["a"]], ["three", ["a", "b"]], [" four", ["b"]]]);
    assert.equal(pieces.map((p) => words.slice(p.from, p.to)).join(""), words);
});

test("routes read back what they write, ids with slashes and spaces included", () => {
    const address = route("document", "un/votes 2016", {stance: "nld.x.y.7712", empty: ""});
    assert.equal(address, "#/document/un%2Fvotes%202016?stance=nld.x.y.7712");
    const parsed = parseRoute(address);
    assert.equal(parsed.page, "document");
    assert.equal(parsed.id, "un/votes 2016");
    assert.equal(parsed.query.get("stance"), "nld.x.y.7712");
    assert.equal(parseRoute("").page, "documents");
});
