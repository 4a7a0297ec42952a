/**
 * Reading bytes as UTF-8 text, chunk by chunk, with the checks that make a
 * file unusable: UTF-16 (a byte-order mark `FF FE` or `FE FF`), a NUL byte
 * anywhere (a binary file) and any byte sequence that is not UTF-8 anywhere
 * in the file (Latin-1 or Windows-1252 text), each refused with the line
 * and byte where it happens. Nothing is ever silently replaced by U+FFFD.
 * Works on `Uint8Array` chunks from a browser `File` stream or a Node read
 * stream; a leading UTF-8 byte-order mark is removed.
 *
 * @since 0.1.0
 */
import { UnusableInput } from "./Unusable.js"

interface NativeDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string
}

type DecoderCtor = new (label: string, options: { fatal: boolean; ignoreBOM?: boolean }) => NativeDecoder

const nativeDecoder = (): NativeDecoder => {
  const Ctor = (globalThis as unknown as { TextDecoder?: DecoderCtor }).TextDecoder
  if (Ctor === undefined) throw new UnusableInput("this environment has no TextDecoder", "unreadable")
  return new Ctor("utf-8", { fatal: true })
}

/**
 * A streaming decoder.
 *
 * @since 0.1.0
 */
export interface Decoder {
  /** Decode the next chunk. Throws {@link UnusableInput} (code `binary` or `encoding`). */
  readonly push: (bytes: Uint8Array) => string
  /** The input has ended. Throws {@link UnusableInput} when it ends inside a character. */
  readonly end: () => string
  /** Bytes pushed so far. */
  readonly bytesRead: () => number
}

/**
 * Length of a trailing incomplete UTF-8 sequence (0 when the chunk ends on a
 * character boundary).
 */
const incompleteTail = (b: Uint8Array): number => {
  for (let k = 1; k <= 3 && k <= b.length; k++) {
    const x = b[b.length - k] as number
    if ((x & 0xc0) === 0x80) continue // continuation byte: look further back
    const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : x >= 0xc0 ? 2 : 1
    return need > k ? k : 0
  }
  return 0
}

/**
 * Index of the first byte that does not start or continue a valid UTF-8
 * sequence (overlong forms, surrogates and code points above U+10FFFF
 * included), or -1. An incomplete sequence at the very end counts as valid.
 *
 * @example
 * ```ts
 * import { Bytes } from "@homeward/validate"
 *
 * Bytes.firstInvalidUtf8(new TextEncoder().encode("Phnom Penh")) // -1: valid UTF-8
 * Bytes.firstInvalidUtf8(new Uint8Array([0x41, 0xff, 0x42])) // 1: 0xff never occurs in UTF-8
 * ```
 *
 * @since 0.1.0
 */
export const firstInvalidUtf8 = (b: Uint8Array): number => {
  let i = 0
  const n = b.length
  while (i < n) {
    const x = b[i] as number
    if (x < 0x80) {
      i++
      continue
    }
    let need: number
    // the allowed range of the second byte (excludes overlong forms, surrogates, above U+10FFFF)
    let lo = 0x80
    let hi = 0xbf
    if (x >= 0xc2 && x <= 0xdf) need = 1
    else if (x >= 0xe0 && x <= 0xef) {
      need = 2
      if (x === 0xe0) lo = 0xa0
      if (x === 0xed) hi = 0x9f
    } else if (x >= 0xf0 && x <= 0xf4) {
      need = 3
      if (x === 0xf0) lo = 0x90
      if (x === 0xf4) hi = 0x8f
    } else return i
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return -1
      const y = b[i + k] as number
      if (k === 1 ? y < lo || y > hi : (y & 0xc0) !== 0x80) return i
    }
    i += need + 1
  }
  return -1
}

const countLf = (b: Uint8Array, end: number): number => {
  let n = 0
  for (let k = b.indexOf(10); k !== -1 && k < end; k = b.indexOf(10, k + 1)) n++
  return n
}

/**
 * Make a decoder.
 *
 * @example
 * ```ts
 * import { Bytes } from "@homeward/validate"
 *
 * const d = Bytes.decoder()
 * d.push(new Uint8Array([0x69, 0x64, 0x0a])) // "id\n"
 * d.push(new Uint8Array([0xe9])) // throws: not UTF-8, on line 2
 * ```
 *
 * @since 0.1.0
 */
export const decoder = (): Decoder => {
  const native = nativeDecoder()
  let read = 0
  let lines = 0
  let tail = new Uint8Array(0)
  let first = true

  const fail = (bytes: Uint8Array): never => {
    const joined = new Uint8Array(tail.length + bytes.length)
    joined.set(tail, 0)
    joined.set(bytes, tail.length)
    const at = firstInvalidUtf8(joined)
    const index = at === -1 ? joined.length : at
    const line = lines + countLf(joined, index) + 1
    const byte = read - tail.length + index
    throw new UnusableInput(
      `the file is not UTF-8 text (a byte on line ${line.toLocaleString("en-US")}, at byte ${byte.toLocaleString("en-US")}, is not UTF-8: the file is probably Latin-1 or Windows-1252); save it as UTF-8 (CSV UTF-8 in Excel)`,
      "encoding"
    )
  }

  const push = (bytes: Uint8Array): string => {
    if (first && bytes.length > 0) {
      first = false
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw new UnusableInput("the file is UTF-16 text; save it as UTF-8 (CSV UTF-8 in Excel)", "encoding")
      }
    }
    const nul = bytes.indexOf(0)
    if (nul !== -1) {
      const line = lines + countLf(bytes, nul) + 1
      throw new UnusableInput(
        `the file is binary, not text, CSV, JSON or XLSX (a NUL byte on line ${line.toLocaleString("en-US")}, at byte ${(read + nul).toLocaleString("en-US")})`,
        "binary"
      )
    }
    let text: string
    try {
      text = native.decode(bytes, { stream: true })
    } catch {
      return fail(bytes)
    }
    read += bytes.length
    lines += countLf(bytes, bytes.length)
    const t = incompleteTail(bytes)
    tail = t === 0 ? new Uint8Array(0) : bytes.slice(bytes.length - t)
    if (text.charCodeAt(0) === 0xfeff && read === bytes.length) text = text.slice(1)
    return text
  }

  const end = (): string => {
    try {
      return native.decode()
    } catch {
      throw new UnusableInput(
        "the file is not UTF-8 text (it ends in the middle of a character); save it as UTF-8 (CSV UTF-8 in Excel)",
        "encoding"
      )
    }
  }

  return { push, end, bytesRead: () => read }
}

/**
 * Decode a whole buffer (for JSON and mapping files) with the same checks.
 *
 * @example
 * ```ts
 * import { Bytes } from "@homeward/validate"
 *
 * Bytes.decodeAll(new TextEncoder().encode('{ "columns": {} }')) // '{ "columns": {} }'
 * ```
 *
 * @since 0.1.0
 */
export const decodeAll = (bytes: Uint8Array): string => {
  const d = decoder()
  return d.push(bytes) + d.end()
}
