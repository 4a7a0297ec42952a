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

const parseAll = (text: string, d = ",", cuts: ReadonlyArray<number> = []): Array<Array<string>> => {
  const p = Csv.parser(d)
  const out: Array<Array<string>> = []
  let from = 0
  for (const c of [...cuts].sort((a, b) => a - b)) {
    if (c <= from || c >= text.length) continue
    out.push(...p.push(text.slice(from, c)).map((r) => r.cells))
    from = c
  }
  out.push(...p.push(text.slice(from)).map((r) => r.cells))
  out.push(...p.end().map((r) => r.cells))
  return out
}

describe("Csv.parser", () => {
  it.each([
    [
      "plain rows, LF",
      "a,b\n1,2\n",
      [
        ["a", "b"],
        ["1", "2"]
      ]
    ],
    [
      "CRLF and no final line break",
      "a,b\r\n1,2",
      [
        ["a", "b"],
        ["1", "2"]
      ]
    ],
    [
      "a lone CR ends a row",
      "a,b\r1,2\r",
      [
        ["a", "b"],
        ["1", "2"]
      ]
    ],
    ["quoted delimiter, doubled quote, line break", 'a,"b,""c""\nd"\n', [["a", 'b,"c"\nd']]],
    [
      "empty cells and a trailing delimiter",
      "a,,\n,b,\n",
      [
        ["a", "", ""],
        ["", "b", ""]
      ]
    ],
    ["an empty line is one empty cell", "a\n\nb\n", [["a"], [""], ["b"]]],
    ["a quote inside an unquoted cell is kept", 'a"b,c\n', [['a"b', "c"]]],
    ["text after a closing quote is kept", '"ab"c,d\n', [["abc", "d"]]],
    ["an empty quoted cell", '"",x\n', [["", "x"]]],
    ["a delimiter at the very end", "a,", [["a", ""]]]
  ])("%s", (_, text, rows) => {
    expect(parseAll(text)).toEqual(rows)
  })

  it("numbers rows by record, not by line: a line break inside quotes does not shift them", () => {
    const p = Csv.parser(";")
    const rows = [...p.push('h1;h2\nx;"two\nlines"\ny;z\n'), ...p.end()]
    expect(rows.map((r) => [r.record, r.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4]
    ])
  })

  it("refuses a quoted field that never closes, naming the line where it starts", () => {
    const p = Csv.parser(",")
    p.push('a,b\n1,"open\n2,3\n')
    expect(() => p.end()).toThrow(/quoted field in the row on line 2 is never closed/)
  })

  const cell = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom("", ",", ";", '"', '""', "\n", "\r\n", "\r", " ", "ស្រី", "a,b", '"x"'),
    fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r", ";", "\t", "é", "ព"), maxLength: 8 })
  )
  const quote = (c: string, d: string) =>
    c === "" || c.includes(d) || c.includes('"') || c.includes("\n") || c.includes("\r")
      ? `"${c.replaceAll('"', '""')}"`
      : c

  fcTest.prop(
    [
      fc.constantFrom(",", ";", "\t", "|"),
      fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.nat({ max: 200 }), { maxLength: 6 }),
      fc.constantFrom("\n", "\r\n")
    ],
    { numRuns: 500 }
  )(
    "round trip: any table written with quotes reads back the same, however the text is cut into chunks",
    (d, table, cuts, eol) => {
      const text = table.map((r) => r.map((c) => quote(c, d)).join(d)).join(eol) + eol
      expect(parseAll(text, d, cuts)).toEqual(table)
    }
  )

  fcTest.prop(
    [
      fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r", " "), maxLength: 60 }),
      fc.array(fc.nat({ max: 60 }), { maxLength: 8 })
    ],
    { numRuns: 1000 }
  )("the rows of any text do not depend on how it is cut into chunks", (text, cuts) => {
    let whole: Array<Array<string>> | string
    try {
      whole = parseAll(text)
    } catch (e) {
      whole = String(e)
    }
    let cut: Array<Array<string>> | string
    try {
      cut = parseAll(text, ",", cuts)
    } catch (e) {
      cut = String(e)
    }
    expect(cut).toEqual(whole)
  })

  describe("attack: bounded time and memory on hostile files (issue 14, item 10)", () => {
    it("a 50 MB header cell is refused after 1 MiB, quickly and with a clear message", () => {
      const p = Csv.parser(",")
      const chunk = "x".repeat(256 * 1024)
      const t = performance.now()
      expect(() => {
        for (let i = 0; i < 200; i++) p.push(chunk)
      }).toThrow(/longer than 1,048,576 characters/)
      expect(performance.now() - t).toBeLessThan(20_000)
    })

    it("a 50 MB header line of short cells is refused after 5,000 cells", () => {
      const p = Csv.parser(",")
      const chunk = "a,".repeat(128 * 1024)
      expect(() => {
        for (let i = 0; i < 200; i++) p.push(chunk)
      }).toThrow(/more than 5,000 cells/)
    })

    it("a huge quoted cell is refused too (a stray quote swallowing the file)", () => {
      const p = Csv.parser(",", { maxCellLength: 1000 })
      p.push('a,"')
      expect(() => p.push("y\n".repeat(600))).toThrow(/longer than 1,000 characters/)
    })

    it("limits are options", () => {
      const p = Csv.parser(",", { maxColumns: 3 })
      expect(() => p.push("a,b,c,d\n")).toThrow(/more than 3 cells/)
    })
  })
})
