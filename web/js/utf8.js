// Stances point at their words by UTF-8 byte offsets; the browser's strings count UTF-16 code
// units. These convert between the two over one text.

const encoder = new TextEncoder();

/// For a text, a converter from byte offsets to string indices and back. Offsets that fall inside
/// a character are moved to the next character boundary.
export function offsets(text) {
    // byteAt[i] is the byte offset of string index i (i from 0 to text.length).
    const byteAt = new Uint32Array(text.length + 1);
    let bytes = 0;
    for (let i = 0; i < text.length; ++i) {
        byteAt[i] = bytes;
        const code = text.charCodeAt(i);
        if (code < 0x80) {
            bytes += 1;
        } else if (code < 0x800) {
            bytes += 2;
        } else if (code >= 0xd800 && code < 0xdc00) {
            bytes += 4; // a surrogate pair: four bytes for both halves
            byteAt[++i] = bytes - 4;
        } else {
            bytes += 3;
        }
    }
    byteAt[text.length] = bytes;
    return {
        byteLength: bytes,
        toByte: (index) => byteAt[Math.max(0, Math.min(index, text.length))],
        toIndex: (byte) => {
            let low = 0;
            let high = text.length;
            while (low < high) { // the first index whose byte offset is >= byte
                const middle = (low + high) >> 1;
                if (byteAt[middle] < byte) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        },
    };
}

export function byteLength(text) {
    return encoder.encode(text).length;
}
