// Generated issues for the search tests and benchmark: Chinese-looking text from a seeded vocabulary (words of one to
// four characters with a Zipf-like frequency, punctuation every few words), so bigram statistics resemble an issue's.
import { emptyFooter } from '../issue/footer'
import type { Issue } from '../issue/types'
import { mulberry32 } from '../random'

const PUNCTUATION = ['，', '，', '。', '、', '；', '：“', '”', '（', '）', '《', '》']

/** A vocabulary drawn from the characters of `alphabet` (CJK unified ideographs when empty). */
function vocabulary(random: () => number, alphabet: string[], size: number): string[] {
  const chars =
    alphabet.length > 0 ? alphabet : Array.from({ length: 3500 }, (_, i) => String.fromCharCode(0x4e00 + i * 5))
  const words: string[] = []
  for (let i = 0; i < size; i++) {
    const n = 1 + Math.floor(random() * random() * 4)
    let w = ''
    for (let j = 0; j < n; j++) w += chars[Math.floor(random() * chars.length)]
    words.push(w)
  }
  return words
}

/**
 * `count` issues, each with 3 sections of 4–8 articles of 3–9 paragraphs (40–300 characters), newest last.
 * `alphabet`: text whose CJK characters the words are made of (e.g. the shipped issue); the default is a fixed set.
 */
export function generateIssues(count: number, seed = 1, alphabet = ''): Issue[] {
  const random = mulberry32(seed)
  const chars = [...new Set(alphabet.match(/[\u4e00-\u9fff]/g) ?? [])]
  const words = vocabulary(random, chars, 6000)
  // Zipf-like: small indexes far more often.
  const word = () => words[Math.floor(words.length * Math.pow(random(), 2.5))]
  const text = (min: number, max: number) => {
    const len = min + Math.floor(random() * (max - min))
    let out = ''
    let sinceMark = 0
    while (out.length < len) {
      out += word()
      if (++sinceMark > 3 + random() * 6) {
        out += PUNCTUATION[Math.floor(random() * PUNCTUATION.length)]
        sinceMark = 0
      }
    }
    return `${out}。`
  }
  const issues: Issue[] = []
  for (let n = 0; n < count; n++) {
    const day = new Date(Date.UTC(2000, 0, 1) + n * 7 * 86400000).toISOString().slice(0, 10)
    const sections = Array.from({ length: 3 }, (_, s) => ({
      title: text(3, 5).slice(0, 4),
      articles: Array.from({ length: 4 + Math.floor(random() * 5) }, (_, a) => ({
        id: `a${s}-${a}`,
        title: s === 2 && a % 3 === 2 ? null : text(10, 24).replace(/[，。、；：“”（）《》]/g, ''),
        paragraphs: Array.from({ length: 3 + Math.floor(random() * 7) }, () => text(40, 300)),
        source: null
      }))
    }))
    issues.push({
      id: `gen-${String(n).padStart(4, '0')}`,
      title: '测试期刊',
      number: (n % 12) + 1,
      totalNumber: n + 1,
      publishedOn: day,
      editor: null,
      supplement: false,
      sections,
      footer: emptyFooter(),
      warnings: []
    })
  }
  return issues
}
