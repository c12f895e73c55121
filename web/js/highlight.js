// A document's text cut into runs at every start and end of a coded span, each run knowing the
// spans that cover it, so that overlapping stances all stay findable (the Discourse Network
// Analyzer's highlighted passages, with overlaps).
import {offsets} from "./utf8.js";

/// Runs of `text` for `spans` ({key, start, end} in UTF-8 bytes): [{from, to, keys}] in string
/// indices, covering the whole text in order; keys is empty where no span lies.
export function runs(text, spans) {
    const map = offsets(text);
    const placed = spans
        .map((span) => ({key: span.key, from: map.toIndex(span.start), to: map.toIndex(span.end)}))
        .filter((span) => span.from < span.to);
    const cuts = new Set([0, text.length]);
    for (const span of placed) {
        cuts.add(span.from);
        cuts.add(span.to);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const result = [];
    for (let i = 0; i + 1 < points.length; ++i) {
        const from = points[i];
        const to = points[i + 1];
        const keys = placed.filter((span) => span.from <= from && span.to >= to).map((span) => span.key);
        result.push({from, to, keys});
    }
    return result;
}
