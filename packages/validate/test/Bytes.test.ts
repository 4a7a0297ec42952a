import { fc, test as fcTest } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import * as Bytes from "../src/Bytes.js"
import { UnusableInput } from "../src/Unusable.js"

const enc = (s: string) => new TextEncoder().encode(s)

const decodeChunks = (bytes: Uint8Array, cuts: ReadonlyArray<number>): string => {
  const d = Bytes.decoder()
  let out = ""
  let from = 0
  for (const c of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (c <= from || c >= bytes.length) continue
    out += d.push(bytes.subarray(from, c))
    from = c
  }
  out += d.push(bytes.subarray(from))
  return out + d.end()
}

describe("Bytes.decoder", () => {
  fcTest.prop([fc.string({ unit: "grapheme", maxLength: 80 }), fc.array(fc.nat({ max: 400 }), { maxLength: 10 })], {
    numRuns: 500
  })("UTF-8 text decodes the same however the bytes are cut (characters split across chunks)", (s, cuts) => {
    const text = s.replace(/^\uFEFF/, "").replaceAll("\u0000", "")
    expect(decodeChunks(enc(text), cuts)).toBe(text)
  })

  it("removes a leading byte-order mark", () => {
    expect(decodeChunks(new Uint8Array([0xef, 0xbb, 0xbf, 0x69, 0x64]), [1, 2])).toBe("id")
  })

  it("refuses UTF-16", () => {
    expect(() => Bytes.decoder().push(new Uint8Array([0xff, 0xfe, 0x69, 0]))).toThrow(/UTF-16/)
  })

  describe("attack: Latin-1 and NUL bytes anywhere in the file, never turned into U+FFFD (issue 14, item 7)", () => {
    const big = enc(`id,givenName\n${"CH-1,Sokha\n".repeat(10_000)}`) // about 110 KiB, past the old 64 KiB sample

    it("a Latin-1 name after the first 64 KiB is refused with its line", () => {
      const latin1 = new Uint8Array([...big, ...enc("CH-2,Ren"), 0xe9, ...enc("e\n")])
      try {
        decodeChunks(latin1, [65_536, 100_000])
        expect.unreachable()
      } catch (e) {
        expect(e).toBeInstanceOf(UnusableInput)
        expect((e as UnusableInput).code).toBe("encoding")
        expect((e as Error).message).toMatch(/not UTF-8 text \(a byte on line 10,002, at byte 110,021/)
        expect((e as Error).message).not.toMatch(/Ren/)
      }
    })

    it("a NUL byte after the first 64 KiB is refused as binary", () => {
      const nul = new Uint8Array([...big, 0x41, 0x00, 0x42])
      expect(() => decodeChunks(nul, [65_536])).toThrow(/binary.*NUL byte on line 10,002/)
    })

    it("a file that ends inside a character is refused", () => {
      expect(() => decodeChunks(new Uint8Array([0x61, 0xe1, 0x9e]), [])).toThrow(/not UTF-8/)
    })

    fcTest.prop(
      [
        fc.string({ maxLength: 30 }),
        fc.uint8Array({ minLength: 1, maxLength: 6 }),
        fc.string({ maxLength: 30 }),
        fc.array(fc.nat({ max: 80 }), { maxLength: 5 })
      ],
      { numRuns: 500 }
    )(
      "any bytes either decode exactly as a strict decoder does, or are refused; never replaced",
      (a, junk, b, cuts) => {
        const bytes = new Uint8Array([...enc(a.replace(/^\uFEFF/, "")), ...junk, ...enc(b)])
        let strict: string | undefined
        try {
          strict = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
        } catch {
          strict = undefined
        }
        let ours: string | undefined
        try {
          ours = decodeChunks(bytes, cuts)
        } catch (e) {
          expect(e).toBeInstanceOf(UnusableInput)
          ours = undefined
        }
        if (bytes.includes(0)) expect(ours).toBeUndefined()
        else expect(ours).toBe(strict?.replace(/^\uFEFF/, ""))
      }
    )
  })

  it("firstInvalidUtf8 agrees with a strict decoder", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20 }), (bytes) => {
        let ok = true
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes)
        } catch {
          ok = false
        }
        const at = Bytes.firstInvalidUtf8(bytes)
        // an incomplete sequence at the very end counts as valid for the chunk checker
        if (ok) expect(at).toBe(-1)
        else if (at === -1) {
          let complete = true
          try {
            new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true })
          } catch {
            complete = false
          }
          expect(complete).toBe(true)
        }
      }),
      { numRuns: 2000 }
    )
  })
})
