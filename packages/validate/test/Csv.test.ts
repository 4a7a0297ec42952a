import { fc, test as fcTest } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import * as Csv from "../src/Csv.js"

describe("Csv.sniffDelimiter", () => {
  it.each([
    [",", "id,sex,school\nCH-1,female,enrolled\n"],
    [";", "id;sex;school\r\nCH-1;female;enrolled\r\n"],
    ["\t", "id\tsex\tschool\nCH-1\tfemale\tenrolled\n"],
    ["|", "id|sex|school\nCH-1|female|enrolled\n"]
  ])("finds %j", (d, sample) => {
    expect(Csv.sniffDelimiter(sample)).toBe(d)
  })

  it("ignores delimiters inside quotes (a semicolon file whose notes contain commas)", () => {
    expect(Csv.sniffDelimiter('id;notes\nCH-1;"a, b, c, d"\nCH-2;"e, f"\n')).toBe(";")
  })

  it("reads past a BOM and Khmer text", () => {
    expect(Csv.sniffDelimiter("\uFEFFលេខ;ឈ្មោះ\nCH-1;សុខ\n")).toBe(";")
  })

  it("falls back to a comma for a single column", () => {
    expect(Csv.sniffDelimiter("id\nCH-1\n")).toBe(",")
  })

  fcTest.prop([fc.constantFrom(",", ";", "\t", "|"), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 20 })])(
    "finds the delimiter of any regular table",
    (d, cols, rows) => {
      const line = (r: number) => Array.from({ length: cols }, (_, c) => `v${r}x${c}`).join(d)
      const text = `${Array.from({ length: rows + 1 }, (_, r) => line(r)).join("\n")}\n`
      expect(Csv.sniffDelimiter(text)).toBe(d)
    }
  )
})

describe("Csv.stripBom", () => {
  it("removes only a leading BOM", () => {
    expect(Csv.stripBom("\uFEFFid")).toBe("id")
    expect(Csv.stripBom("id\uFEFF")).toBe("id\uFEFF")
  })
})
