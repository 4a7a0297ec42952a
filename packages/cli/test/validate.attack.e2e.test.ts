/**
 * The attacks of issue 14 against `homeward validate` (items 3, 4, 5, 7, 8,
 * 9, 10, 11, 13), each reproduced on the built command and shown to fail.
 */
import { spawnSync } from "node:child_process"
import { chmodSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { crc32, deflateRawSync } from "node:zlib"
import ExcelJS from "exceljs"
import { beforeAll, describe, expect, it } from "vitest"
import * as Zip from "../src/internal/zip.js"
import { BIN, HEADER, json, run, tmp, write } from "./helpers.js"

let dir = ""
beforeAll(() => {
  dir = tmp()
})

const oneLine = (stderr: string) => expect(stderr.trim().split("\n")).toHaveLength(1)

describe("item 3: a CSV exported without its header row", () => {
  const first = "CH-1,Sokha,Chanthy,2010-03-14,no,female,enrolled,012345678"
  it("is refused (exit 2), and the first child's name and phone are never printed as headers", () => {
    write(dir, "noheader.csv", `${first}\nCH-2,Dara,Sokun,2011-01-01,no,male,enrolled,098765432\n`)
    for (const format of ["table", "json"]) {
      const r = run(["validate", "noheader.csv", "--as", "child", "--format", format], dir)
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/no header row/)
      oneLine(r.stderr)
      for (const s of ["Sokha", "Chanthy", "012345678", "098765432"]) {
        expect(r.stdout).not.toContain(s)
        expect(r.stderr).not.toContain(s)
      }
    }
  })

  it("with a header row, a header that names no field is shown by its column letter, not its text", () => {
    write(dir, "oddheader.csv", `${HEADER},Sokha Chanthy 012345678\nCH-1,,,2010-03-14,no,female,enrolled,,x\n`)
    const r = run(["validate", "oddheader.csv", "--as", "child", "--format", "json"], dir)
    expect(r.code).toBe(0)
    expect(json(r).problems[0]).toMatchObject({ rule: "unknown-column", column: "column I" })
    expect(r.stdout).not.toContain("Sokha")
  })
})

describe("item 4: free text inside list fields is never echoed", () => {
  it("a relative's name and phone in a members or preferredPeople cell (CSV and JSON)", () => {
    write(
      dir,
      "hh.csv",
      "id,members,location.province,housing,livelihood,tracing\nHH-1,[Aunt Sreymom 012999888,Siem Reap,suitable,stable,traced\nHH-2,Uncle Pisey 011222333,Siem Reap,suitable,stable,traced\n"
    )
    write(
      dir,
      "views.json",
      JSON.stringify([
        { id: "V-1", preferredPeople: "Aunt Sreymom 012999888" },
        { id: "V-2", preferredPeople: ["Uncle Pisey 011222333"] },
        { id: "V-3", preferredPeople: [{ rank: 9, relationship: "Aunt Sreymom 012999888" }] }
      ])
    )
    for (const [file, as] of [
      ["hh.csv", "household"],
      ["views.json", "child-views"]
    ] as const) {
      for (const format of ["table", "json"]) {
        const r = run(["validate", file, "--as", as, "--format", format], dir)
        expect(r.code).toBe(1)
        for (const s of ["Sreymom", "012999888", "Pisey", "011222333"]) expect(r.stdout).not.toContain(s)
      }
    }
  })
})

describe("item 5: --sheet with a name that is not in the workbook", () => {
  it("does not list the sheet names (they may be children's names)", async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet("Sokha Chanthy").addRow(["id"])
    wb.addWorksheet("Dara Sokun").addRow(["id"])
    await wb.xlsx.writeFile(join(dir, "names.xlsx"))
    const r = run(["validate", "names.xlsx", "--as", "child", "--sheet", "nope"], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/it has 2 sheets; their names are not shown/)
    oneLine(r.stderr)
    expect(r.stderr + r.stdout).not.toMatch(/Sokha|Dara/)
  })

  it("a sheet not named by the user is shown by its position, never by its name", async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet("Sokha Chanthy")
    ws.addRow(["id", "birth.date", "birth.estimated", "sex", "school"])
    ws.addRow(["CH-1", "2010-01-01", "no", "girl", "enrolled"])
    await wb.xlsx.writeFile(join(dir, "named.xlsx"))
    for (const format of ["table", "json"]) {
      const r = run(["validate", "named.xlsx", "--as", "child", "--format", format], dir)
      expect(r.code).toBe(1)
      expect(r.stdout).not.toContain("Sokha")
      if (format === "json") expect(json(r).sheet).toBe("sheet 1")
    }
    const picked = run(["validate", "named.xlsx", "--as", "child", "--sheet", "1", "--format", "json"], dir)
    expect(json(picked).sheet).toBe("sheet 1")
  })
})

describe("item 7: Latin-1 or NUL bytes after the first 64 KiB", () => {
  const body = `${HEADER}\n${Array.from({ length: 2000 }, (_, i) => `CH-${i},Sokha,Chan,2010-01-01,no,female,enrolled,`).join("\n")}\n`
  it("a Latin-1 name after 64 KiB: exit 2, the line named, nothing silently replaced", () => {
    expect(Buffer.byteLength(body)).toBeGreaterThan(64 * 1024)
    write(
      dir,
      "latin1.csv",
      Buffer.concat([
        Buffer.from(body),
        Buffer.from("CH-9999,Ren"),
        Buffer.from([0xe9]),
        Buffer.from(",Chan,2010-01-01,no,female,enrolled,\n")
      ])
    )
    const r = run(["validate", "latin1.csv", "--as", "child"], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/not UTF-8 text \(a byte on line 2,002/)
    oneLine(r.stderr)
    expect(r.stdout).toBe("")
  })

  it("a NUL byte after 64 KiB: exit 2 as binary", () => {
    write(dir, "nul.csv", Buffer.concat([Buffer.from(body), Buffer.from([0x41, 0x00, 0x0a])]))
    const r = run(["validate", "nul.csv", "--as", "child"], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/binary.*NUL byte on line 2,002/)
  })

  it("the same in a JSON Lines file", () => {
    const line = JSON.stringify({
      id: "CH-1",
      birth: { date: "2010-01-01", estimated: false },
      sex: "female",
      school: "enrolled"
    })
    write(dir, "latin1.jsonl", Buffer.concat([Buffer.from(`${line}\n`.repeat(1000)), Buffer.from([0xe9, 0x0a])]))
    const r = run(["validate", "latin1.jsonl", "--as", "child"], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/not UTF-8/)
  })
})

describe("item 8: a header with a huge list index", () => {
  it.each(["siblingIds.4294967294", "siblingIds.1000000000"])(
    "%s: answered at once (exit 1, list-index), not after minutes",
    (h) => {
      write(
        dir,
        "index.csv",
        `id,birth.date,birth.estimated,sex,school,${h}\nCH-1,2010-01-01,no,female,enrolled,CH-2\n`
      )
      const t = Date.now()
      const r = run(["validate", "index.csv", "--as", "child", "--format", "json"], dir)
      expect(Date.now() - t).toBeLessThan(60_000)
      expect(r.code).toBe(1)
      expect(json(r).problems).toEqual([expect.objectContaining({ rule: "list-index", column: "column F" })])
    }
  )
})

/** A minimal zip writer (stored or deflated entries, no data descriptors). */
const zip = (entries: ReadonlyArray<{ name: string; data: Buffer }>): Buffer => {
  const locals: Array<Buffer> = []
  const centrals: Array<Buffer> = []
  let offset = 0
  for (const e of entries) {
    const packed = deflateRawSync(e.data, { level: 9 })
    const name = Buffer.from(e.name)
    const h = Buffer.alloc(30)
    h.writeUInt32LE(0x04034b50, 0)
    h.writeUInt16LE(20, 4)
    h.writeUInt16LE(8, 8)
    h.writeUInt32LE(crc32(e.data), 14)
    h.writeUInt32LE(packed.length, 18)
    h.writeUInt32LE(e.data.length, 22)
    h.writeUInt16LE(name.length, 26)
    const c = Buffer.alloc(46)
    c.writeUInt32LE(0x02014b50, 0)
    c.writeUInt16LE(20, 4)
    c.writeUInt16LE(20, 6)
    c.writeUInt16LE(8, 10)
    c.writeUInt32LE(crc32(e.data), 16)
    c.writeUInt32LE(packed.length, 20)
    c.writeUInt32LE(e.data.length, 24)
    c.writeUInt16LE(name.length, 28)
    c.writeUInt32LE(offset, 42)
    locals.push(h, name, packed)
    centrals.push(c, name)
    offset += 30 + name.length + packed.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

const xlsxParts = (sheet: Buffer) => [
  {
    name: "[Content_Types].xml",
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    )
  },
  {
    name: "_rels/.rels",
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
  },
  {
    name: "xl/workbook.xml",
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Children" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
  },
  {
    name: "xl/_rels/workbook.xml.rels",
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    )
  },
  { name: "xl/worksheets/sheet1.xml", data: sheet }
]

/** A sheet with a header row and `rows` rows; a bomb repeats one row (same row number) so that it packs 1000:1. */
const sheetXml = (rows: number, bomb = false) => {
  const row = (n: number) =>
    `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>CH-${n}</t></is></c><c r="B${n}" t="inlineStr"><is><t>2010-01-01</t></is></c></row>`
  const body = bomb ? row(2).repeat(rows) : Array.from({ length: rows }, (_, i) => row(i + 2)).join("")
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>birth.date</t></is></c></row>${body}</sheetData></worksheet>`
  )
}

describe("item 9: an .xlsx zip bomb", () => {
  it("a small workbook that unpacks to hundreds of MB is refused at once (exit 2), in bounded memory", () => {
    const bomb = zip(xlsxParts(sheetXml(2_500_000, true)))
    write(dir, "bomb.xlsx", bomb)
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    const t = Date.now()
    const r = spawnSync("/usr/bin/time", ["-v", process.execPath, BIN, "validate", "bomb.xlsx", "--as", "child"], {
      cwd: dir,
      encoding: "utf8"
    })
    const rssMb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? "0") / 1024
    expect(Date.now() - t).toBeLessThan(90_000)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(
      /workbook is refused: one of its parts would unpack to more than 200 times its packed size/
    )
    expect(rssMb).toBeLessThan(400)
  })

  it("the same workbook, small, is read (the check does not refuse ordinary files)", () => {
    write(dir, "small.xlsx", zip(xlsxParts(sheetXml(3))))
    const r = run(["validate", "small.xlsx", "--as", "child", "--format", "json"], dir)
    expect(json(r).rows).toBe(3)
  })

  it("the total and shared-strings caps, and hidden data between entries", async () => {
    const ok = join(dir, "ok.xlsx")
    writeFileSync(ok, zip(xlsxParts(sheetXml(2000))))
    const size = statSync(ok).size
    await expect(Zip.check(ok, size)).resolves.toBeUndefined()
    await expect(Zip.check(ok, size, { ...Zip.defaults, maxTotal: 10_000 })).rejects.toThrow(/unpack to more than/)
    const hidden = Buffer.concat([Buffer.from("PK\u0003\u0004 hidden"), zip(xlsxParts(sheetXml(2)))])
    const h = join(dir, "hidden.xlsx")
    writeFileSync(h, hidden)
    await expect(Zip.check(h, hidden.length)).rejects.toThrow(/damaged/)
  })
})

describe("item 10: a 50 MB header line", () => {
  it.each([
    ["one 50 MB header cell", () => "x".repeat(50 * 1024 * 1024)],
    ["a 50 MB header of short cells", () => "a,".repeat(25 * 1024 * 1024)]
  ])("%s: refused quickly (exit 2) in bounded memory", (_, make) => {
    write(dir, "wide.csv", `${make()}\nCH-1\n`)
    const t = Date.now()
    const r = spawnSync("/usr/bin/time", ["-v", process.execPath, BIN, "validate", "wide.csv", "--as", "child"], {
      cwd: dir,
      encoding: "utf8"
    })
    const rssMb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? "0") / 1024
    expect(Date.now() - t).toBeLessThan(60_000)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/longer than 1,048,576 characters|more than 5,000 cells/)
    expect(rssMb).toBeLessThan(300)
  })
})

describe("item 11: --max-problems", () => {
  it.each(["100000000", "-1", "100001"])("--max-problems %s is refused with a clear message (exit 2)", (n) => {
    write(dir, "mp.csv", `${HEADER}\nCH-1,,,2010-01-01,no,female,enrolled,\n`)
    const r = run(["validate", "mp.csv", "--as", "child", `--max-problems=${n}`], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--max-problems must be a whole number from 0 to 100000/)
    oneLine(r.stderr)
  })

  it("200,000 invalid rows with --max-problems 100000: counts exact, memory bounded", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `CH ${i},,,2010-02-30,maybe,girl,school,`)
    write(dir, "many.csv", `${HEADER}\n${rows.join("\n")}\n`)
    const r = spawnSync(
      "/usr/bin/time",
      [
        "-v",
        process.execPath,
        BIN,
        "validate",
        "many.csv",
        "--as",
        "child",
        "--format",
        "json",
        "--max-problems",
        "100000"
      ],
      { cwd: dir, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 }
    )
    const rssMb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? "0") / 1024
    expect(r.status).toBe(1)
    const rep = JSON.parse(r.stdout) as { errors: number; problems: Array<unknown>; truncated: boolean }
    expect(rep.errors).toBe(1_000_000)
    expect(rep.problems).toHaveLength(100_000)
    expect(rep.truncated).toBe(true)
    expect(rssMb).toBeLessThan(600)
  })
})

describe("item 13: an unreadable file", () => {
  it("says permission denied, not an unexpected failure", () => {
    const d = tmp()
    chmodSync(d, 0o755)
    write(d, "secret.csv", `${HEADER}\n`)
    chmodSync(join(d, "secret.csv"), 0o000)
    const asRoot = process.getuid?.() === 0
    // root reads every file: run the command as an ordinary user (nobody) to meet the permission check
    const r = spawnSync(process.execPath, [BIN, "validate", "secret.csv", "--as", "child"], {
      cwd: d,
      encoding: "utf8",
      ...(asRoot ? { uid: 65534, gid: 65534 } : {})
    })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/cannot read secret\.csv: permission denied/)
    expect(r.stderr).not.toMatch(/unexpected failure/)
  })
})
