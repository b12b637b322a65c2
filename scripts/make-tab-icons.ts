// Draws the tab-bar icons (81×81 PNG, as WeChat recommends) and the share cards (5:4 for chats, 1:1 for Moments)
// so they need no design tool: `npx tsx scripts/make-tab-icons.ts`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 81
type Shape = (x: number, y: number) => boolean
type Rgb = [number, number, number]

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

function encode(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number, number]
): Buffer {
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 4)
    for (let x = 0; x < width; x++) row.set(pixel(x, y), 1 + x * 4)
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** Coverage of a shape over one pixel, 4×4 supersampled for smooth edges. */
const coverage = (shape: Shape, x: number, y: number, scale = 1) => {
  let hits = 0
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++) if (shape((x + (sx + 0.5) / 4) / scale, (y + (sy + 0.5) / 4) / scale)) hits++
  return hits / 16
}

function png(shape: Shape, [r, g, b]: Rgb): Buffer {
  return encode(SIZE, SIZE, (x, y) => [r, g, b, Math.round(coverage(shape, x, y) * 255)])
}

/** A share card: paper, a red band, and the book mark centred. */
function card(width: number, height: number): Buffer {
  const paper: Rgb = [0xfa, 0xf7, 0xf0]
  const band = Math.round(height * 0.16)
  const scale = (height * 0.5) / SIZE
  const ox = (width - SIZE * scale) / 2
  const oy = band + (height - band - SIZE * scale) / 2
  return encode(width, height, (x, y) => {
    if (y < band) return [...red, 255]
    const a = coverage(book, x - ox, y - oy, scale)
    return [0, 1, 2].map((i) => Math.round(paper[i] * (1 - a) + red[i] * a)).concat(255) as [
      number,
      number,
      number,
      number
    ]
  })
}

const grey: Rgb = [0x6b, 0x6b, 0x6b]
const red: Rgb = [0xc8, 0x16, 0x1d]

const ring =
  (cx: number, cy: number, r: number, w: number): Shape =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy)
    return d <= r && d >= r - w
  }
const rectOutline =
  (x0: number, y0: number, x1: number, y1: number, w: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1 && !(x > x0 + w && x < x1 - w && y > y0 + w && y < y1 - w)
const bar =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y))

// An open book: two pages and lines of text.
const book = union(
  rectOutline(10, 18, 40, 64, 5),
  rectOutline(41, 18, 71, 64, 5),
  bar(17, 30, 33, 33),
  bar(17, 40, 33, 43),
  bar(48, 30, 64, 33),
  bar(48, 40, 64, 43)
)
// A person: head and shoulders.
const person = union(
  ring(40.5, 28, 14, 5),
  (x, y) =>
    (y >= 50 && y <= 68 && Math.hypot(x - 40.5, y - 72) <= 26 && Math.hypot(x - 40.5, y - 72) >= 21) ||
    (y >= 66 && y <= 71 && x >= 14.5 && x <= 66.5)
)

writeFileSync('src/assets/tab-library.png', png(book, grey))
writeFileSync('src/assets/tab-library-active.png', png(book, red))
writeFileSync('src/assets/tab-me.png', png(person, grey))
writeFileSync('src/assets/tab-me-active.png', png(person, red))
mkdirSync('src/pages/article/share', { recursive: true })
writeFileSync('src/pages/article/share/card-5x4.png', card(500, 400))
writeFileSync('src/pages/article/share/card-1x1.png', card(300, 300))
