/** Text folding shared by the answer parser, fill-in scoring and stem ids. */

/** Full-width ASCII (！–～) to half-width and the ideographic space to a space; everything else unchanged. */
export function foldWidth(text: string): string {
  let out = ''
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0)
    else if (c === 0x3000) out += ' '
    else out += ch
  }
  return out
}

/** How a 填空 answer is compared: trimmed, width-folded, inner whitespace runs as one space, Latin lower-cased. */
export function foldAnswer(text: string): string {
  return foldWidth(text).trim().replace(/\s+/g, ' ').toLowerCase()
}

/** The text with all whitespace removed (quotes are found whitespace-insensitively; stems compared so). */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '')
}
