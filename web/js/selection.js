// The reader's selection in a document's text as string indices of that text. Each run of the
// text is an element carrying data-at (the index where it starts), so a DOM position maps back.

function indexOf(container, offset, root) {
    if (container.nodeType === Node.TEXT_NODE) {
        const run = container.parentElement.closest("[data-at]");
        return run && root.contains(run) ? Number(run.dataset.at) + offset : null;
    }
    // A position between children: the start of the child after it, or the end of the one before.
    const after = container.childNodes[offset];
    if (after && after.dataset && after.dataset.at !== undefined) {
        return Number(after.dataset.at);
    }
    const before = container.childNodes[offset - 1];
    if (before && before.dataset && before.dataset.at !== undefined) {
        return Number(before.dataset.at) + before.textContent.length;
    }
    return null;
}

/// {from, to} of the selection inside `root` (whose text is `text`), without the white space at
/// either end; null when nothing, or something outside `root`, is selected.
export function selectedRange(root, text) {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
        return null;
    }
    const range = selection.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) {
        return null;
    }
    let from = indexOf(range.startContainer, range.startOffset, root);
    let to = indexOf(range.endContainer, range.endOffset, root);
    if (from === null || to === null) {
        return null;
    }
    while (from < to && /\s/.test(text[from])) {
        ++from;
    }
    while (to > from && /\s/.test(text[to - 1])) {
        --to;
    }
    return from < to ? {from, to} : null;
}
