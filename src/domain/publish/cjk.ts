/**
 * Text as PDF and Word files give it back, made into the text the importer reads: NFKC (the Kangxi radicals
 * ⼯ ⼼ ⽉ ⽇ that PDF fonts map common characters to become 工 心 月 日),
 * the CJK radical supplement forms NFKC leaves alone (⻛ ⻓ ⻔ …) mapped by hand, and spaces that extraction puts
 * between CJK characters removed.
 */

// CJK Radicals Supplement (U+2E80–U+2EFF) has no compatibility decompositions, yet PDF fonts use these glyphs for
// simplified characters: 风 comes out of a Chromium-printed PDF as ⻛.
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '\u2e8e': '兀',
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ea4': '爪',
  '\u2ea9': '王',
  '\u2eac': '示',
  '\u2eae': '竹',
  '\u2eb7': '羊',
  '\u2eca': '足',
  '\u2ec1': '虎',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed1': '長',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed7': '雨',
  '\u2ed8': '青',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eea': '黾',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef3': '龟'
}
/**
 * Kangxi radicals (U+2F00–U+2FDF) and CJK compatibility ideographs through NFKC, the radical supplement by the table.
 * NFKC is not applied to the whole text: it would turn Chinese full-width punctuation into ASCII ((（供稿） into
 * (供稿)) and change the issue.
 */
export function normalizeCjk(text: string): string {
  return text.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/gu, (ch) =>
    ch <= '\u2eff' ? (RADICAL_SUPPLEMENT[ch] ?? ch) : ch.normalize('NFKC')
  )
}

const SPACED_PAIR = /(?<=\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu

/**
 * Removes the spaces of a letter-spaced line (重 庆 党 史 工 作 → 重庆党史工作), also when extraction kept only some
 * of them (重 庆 党 史工作): a line where at least half the gaps between its Chinese characters are spaces. A single
 * space between two phrases (《先辈风范 光耀渝中》) is the source's and stays.
 */
export function unspace(text: string): string {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0
  const spaced = text.match(SPACED_PAIR)?.length ?? 0
  return spaced >= 2 && spaced * 2 >= han - 1 ? text.replace(SPACED_PAIR, '') : text
}
