/**
 * A check of an .xlsx (zip) file before a workbook reader opens it, so that
 * a zip bomb (a small file that inflates to gigabytes) is refused with a
 * clear message instead of taking minutes and all the memory.
 *
 * The central directory is read; every byte of the file must belong to an
 * entry, the directory or its end record (no hidden entries a streaming
 * reader would find); then every entry is inflated once, its output counted
 * and thrown away, and the check stops as soon as an entry inflates to more
 * than `ratio` times its compressed size (beyond a small allowance), the
 * shared strings to more than `maxSharedStrings`, or the whole to more than
 * `maxTotal`. An entry's deflate stream must end inside the entry, so a
 * reader that inflates the same bytes stops at the same point.
 */
import { createReadStream } from "node:fs"
import { open } from "node:fs/promises"
import { createInflateRaw } from "node:zlib"
import { Unusable } from "@homeward/validate"

/** Limits of {@link check}. */
export interface Limits {
  /** Most bytes all entries may inflate to (default 1 GiB). */
  readonly maxTotal: number
  /** Most bytes the shared strings (the text of every cell) may inflate to (default 256 MiB). */
  readonly maxSharedStrings: number
  /** Most an entry may inflate relative to its compressed size, beyond 1 MiB (default 200). */
  readonly ratio: number
  /** Most entries (default 10,000). */
  readonly maxEntries: number
}

/** Default limits. */
export const defaults: Limits = {
  maxTotal: 1024 * 1024 * 1024,
  maxSharedStrings: 256 * 1024 * 1024,
  ratio: 200,
  maxEntries: 10_000
}

interface Entry {
  readonly name: string
  readonly method: number
  readonly flags: number
  readonly compressed: number
  readonly offset: number
}

const bomb = (why: string) =>
  new Unusable.UnusableInput(
    `the Excel workbook is refused: ${why} (a damaged file or a zip bomb); save it again from Excel or export the sheet as CSV`,
    "too-large"
  )

const damaged = () =>
  new Unusable.UnusableInput("the Excel workbook cannot be read (damaged or not .xlsx)", "malformed")

const readAt = async (path: string, position: number, length: number): Promise<Buffer> => {
  const fh = await open(path, "r")
  try {
    const buf = Buffer.alloc(length)
    const { bytesRead } = await fh.read(buf, 0, length, position)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

const entries = async (
  path: string,
  size: number,
  limits: Limits
): Promise<{ readonly list: Array<Entry>; readonly cdOffset: number }> => {
  const tailLength = Math.min(size, 65_535 + 22)
  const tail = await readAt(path, size - tailLength, tailLength)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw damaged()
  const count = tail.readUInt16LE(eocd + 10)
  const cdSize = tail.readUInt32LE(eocd + 12)
  const cdOffset = tail.readUInt32LE(eocd + 16)
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw bomb("it uses the ZIP64 format of files over 4 GiB")
  }
  if (count > limits.maxEntries) throw bomb(`it has ${count.toLocaleString("en-US")} parts`)
  const eocdAt = size - tailLength + eocd
  if (cdOffset + cdSize !== eocdAt) throw damaged()
  const cd = await readAt(path, cdOffset, cdSize)
  const out: Array<Entry> = []
  let p = 0
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw damaged()
    const flags = cd.readUInt16LE(p + 8)
    const method = cd.readUInt16LE(p + 10)
    const compressed = cd.readUInt32LE(p + 20)
    const nameLength = cd.readUInt16LE(p + 28)
    const extraLength = cd.readUInt16LE(p + 30)
    const commentLength = cd.readUInt16LE(p + 32)
    const offset = cd.readUInt32LE(p + 42)
    const name = cd.toString("utf8", p + 46, p + 46 + nameLength)
    out.push({ name, method, flags, compressed, offset })
    p += 46 + nameLength + extraLength + commentLength
  }
  return { list: out, cdOffset }
}

/** Inflate `length` bytes from `start`, count the output, fail beyond `limit`; the stream must end inside. */
const inflatedSize = (path: string, start: number, length: number, limit: number, why: string): Promise<number> =>
  new Promise((resolve, reject) => {
    if (length === 0) {
      resolve(0)
      return
    }
    const input = createReadStream(path, { start, end: start + length - 1, highWaterMark: 64 * 1024 })
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 })
    let total = 0
    let done = false
    const finish = (e: unknown, n?: number) => {
      if (done) return
      done = true
      input.destroy()
      inflate.destroy()
      if (e !== undefined) reject(e)
      else resolve(n ?? total)
    }
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.length
      if (total > limit) finish(bomb(why))
    })
    inflate.on("end", () => finish(undefined, total))
    inflate.on("error", () => finish(damaged()))
    input.on("error", () => finish(damaged()))
    input.pipe(inflate)
  })

/**
 * Check an .xlsx file (see the module comment). Rejects with
 * `Unusable.UnusableInput` for a damaged file or one over the limits.
 */
export const check = async (path: string, size: number, limits: Limits = defaults): Promise<void> => {
  const { list, cdOffset } = await entries(path, size, limits)
  let total = 0
  // every byte belongs to an entry: local header, data and data descriptor, in order
  const regions = [...list].sort((a, b) => a.offset - b.offset)
  let cursor = 0
  for (const e of regions) {
    if (e.offset !== cursor) throw damaged()
    const head = await readAt(path, e.offset, 30)
    if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) throw damaged()
    const dataStart = e.offset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28)
    let end = dataStart + e.compressed
    if ((e.flags & 0x08) !== 0) {
      if (e.method === 0) throw damaged()
      const d = await readAt(path, end, 4)
      end += d.length === 4 && d.readUInt32LE(0) === 0x08074b50 ? 16 : 12
    }
    if (e.method === 0) {
      total += e.compressed
    } else if (e.method === 8) {
      const entryLimit = Math.min(
        limits.maxTotal - total,
        Math.max(1024 * 1024, e.compressed * limits.ratio),
        /sharedStrings\.xml$/i.test(e.name) ? limits.maxSharedStrings : Number.POSITIVE_INFINITY
      )
      const why =
        entryLimit === limits.maxTotal - total
          ? `it would unpack to more than ${Math.round(limits.maxTotal / 2 ** 20).toLocaleString("en-US")} MiB`
          : /sharedStrings\.xml$/i.test(e.name) && entryLimit === limits.maxSharedStrings
            ? `its cell texts would unpack to more than ${Math.round(limits.maxSharedStrings / 2 ** 20)} MiB`
            : `one of its parts would unpack to more than ${limits.ratio} times its packed size`
      total += await inflatedSize(path, dataStart, e.compressed, entryLimit, why)
    } else throw damaged()
    cursor = end
  }
  // then the central directory and its end record, nothing else
  if (cursor !== cdOffset) throw damaged()
}
