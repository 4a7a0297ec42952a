/**
 * A set of ids kept in a few typed arrays (an open-addressing hash table
 * over the ids' characters), so that a million ids cost tens of megabytes
 * and no work for the garbage collector, where a `Map` of strings would hold
 * a million string objects. Each id gets a dense index (0, 1, 2 …) that
 * callers use to keep numbers about it in typed arrays.
 */

const grow = <A extends Int32Array | Uint16Array | Uint8Array>(a: A, n: number, make: (n: number) => A): A => {
  if (n <= a.length) return a
  let size = a.length * 2
  while (size < n) size *= 2
  const b = make(size)
  b.set(a)
  return b
}

/**
 * The hash of an id: FNV-1a over its characters, except that a number at the
 * end (`CH-1041`, up to nine digits) is added to the hash of the rest, so
 * that ids numbered in sequence, as exports list them, fall in neighbouring
 * slots and are read and written in order (far fewer cache misses than
 * slots all over the table). The probe limit ({@link maxProbe}) keeps
 * clusters from ever making the table slow.
 */
const hashOf = (s: string): number => {
  let end = s.length
  while (end > 0) {
    const c = s.charCodeAt(end - 1)
    if (c < 48 || c > 57) break
    end--
  }
  const digits = s.length - end
  const numbered = digits > 0 && digits <= 9
  let h = 0x811c9dc5
  const stop = numbered ? end : s.length
  for (let i = 0; i < stop; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  if (!numbered) return h | 0
  // the number of digits is part of the rest (CH-0001 and CH-1 differ)
  h ^= 0x100 + digits
  h = Math.imul(h, 0x01000193)
  let n = 0
  for (let i = end; i < s.length; i++) n = n * 10 + (s.charCodeAt(i) - 48)
  return (h + n) | 0
}

/**
 * Ids of at most 65,535 characters (longer ones are cut: ids are checked to be
 * at most 64 before they get here). Characters are kept as bytes: ids are
 * checked to be ASCII (letters, digits, `. _ : -`) before they get here; the
 * hash covers the whole UTF-16 code unit, so another text cannot pass for an id
 * unless its hash and low bytes both match.
 */
/**
 * The longest probe sequence in the table. Ids that would need more (many ids
 * with the same hash, which an attacker can make: the hash is not secret) go
 * to a `Map`, whose hashing is seeded per process, so that no file can make
 * the table slow.
 */
export const maxProbe = 64

export class IdTable {
  /** Ids that did not fit within {@link maxProbe} probes. */
  private overflow: Map<string, number> | undefined
  private readonly hashOf: (s: string) => number
  /** Pairs (hash, index + 1): a probe reads both from one cache line; 0 as index + 1 marks an empty slot. */
  private slots: Int32Array
  /** Number of slots minus one (a power of two minus one). */
  private mask: number
  private hashes = new Int32Array(256)
  private starts = new Int32Array(256)
  private lengths = new Uint16Array(256)
  private chars = new Uint8Array(4096)
  private used = 0
  size = 0

  constructor(capacity = 1024, hash: (s: string) => number = hashOf) {
    this.hashOf = hash
    let n = 16
    while (n < capacity * 2) n *= 2
    this.slots = new Int32Array(2 * n)
    this.mask = n - 1
  }

  private same(k: number, s: string): boolean {
    const len = this.lengths[k] as number
    if (len !== Math.min(s.length, 65_535)) return false
    const from = this.starts[k] as number
    for (let i = 0; i < len; i++) if (this.chars[from + i] !== (s.charCodeAt(i) & 0xff)) return false
    return true
  }

  /** The index of an id, or -1. */
  find(s: string): number {
    if (this.overflow !== undefined) {
      const k = this.overflow.get(s)
      if (k !== undefined) return k
    }
    const h = this.hashOf(s) | 0
    let i = h & this.mask
    for (let p = 0; p < maxProbe; p++) {
      const e = this.slots[2 * i + 1] as number
      if (e === 0) return -1
      if (this.slots[2 * i] === h && this.same(e - 1, s)) return e - 1
      i = (i + 1) & this.mask
    }
    return -1
  }

  /** Whether an id is in the set. */
  has(s: string): boolean {
    return this.find(s) !== -1
  }

  /** The index of an id, adding it when new (then `size` grows by one). */
  add(s: string): number {
    if (this.overflow !== undefined) {
      const k = this.overflow.get(s)
      if (k !== undefined) return k
    }
    const h = this.hashOf(s) | 0
    let i = h & this.mask
    let free = -1
    for (let p = 0; p < maxProbe; p++) {
      const e = this.slots[2 * i + 1] as number
      if (e === 0) {
        free = i
        break
      }
      if (this.slots[2 * i] === h && this.same(e - 1, s)) return e - 1
      i = (i + 1) & this.mask
    }
    const k = this.size++
    const len = Math.min(s.length, 65_535)
    if (k >= this.hashes.length) {
      this.hashes = grow(this.hashes, k + 1, (n) => new Int32Array(n))
      this.starts = grow(this.starts, k + 1, (n) => new Int32Array(n))
      this.lengths = grow(this.lengths, k + 1, (n) => new Uint16Array(n))
    }
    if (this.used + len > this.chars.length) this.chars = grow(this.chars, this.used + len, (n) => new Uint8Array(n))
    this.hashes[k] = h
    this.starts[k] = this.used
    this.lengths[k] = len
    for (let c = 0; c < len; c++) this.chars[this.used + c] = s.charCodeAt(c) & 0xff
    this.used += len
    if (free === -1) {
      this.overflow ??= new Map()
      this.overflow.set(s, k)
    } else {
      this.slots[2 * free] = h
      this.slots[2 * free + 1] = k + 1
    }
    if (this.size * 2 > this.mask + 1) this.rehash()
    return k
  }

  /** The id at an index. */
  idAt(k: number): string {
    const from = this.starts[k] as number
    return String.fromCharCode(...this.chars.subarray(from, from + (this.lengths[k] as number)))
  }

  private rehash(): void {
    // four times larger: fewer rehashes (each moves every id)
    const n = (this.mask + 1) * 4
    const slots = new Int32Array(2 * n)
    const mask = n - 1
    const inMap = new Set(this.overflow?.values() ?? [])
    for (let k = 0; k < this.size; k++) {
      if (inMap.has(k)) continue
      const h = this.hashes[k] as number
      let i = h & mask
      let p = 0
      while (slots[2 * i + 1] !== 0 && p < maxProbe) {
        i = (i + 1) & mask
        p++
      }
      if (p === maxProbe) {
        this.overflow ??= new Map()
        this.overflow.set(this.idAt(k), k)
        continue
      }
      slots[2 * i] = h
      slots[2 * i + 1] = k + 1
    }
    this.slots = slots
    this.mask = mask
  }
}
