/**
 * The page's workbook reader against workbooks written by exceljs (the
 * CLI's reader): text, Khmer, rich text, numbers, yes/no, dates (cells with
 * a date format), formulas, errors, gaps, empty rows, and files that are not
 * workbooks.
 */
import ExcelJS from "exceljs"
import { zipSync } from "fflate"
import { describe, expect, test } from "vitest"
import * as Xlsx from "../page/xlsx.js"

const rowsOf = (bytes: Uint8Array, position?: number) => [...Xlsx.open(bytes, position).rows()]

const book = async (fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook()
  fill(wb)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

describe("Xlsx.open reads what Excel (here exceljs) writes", () => {
  test("cells of every kind, rows numbered as Excel shows them", async () => {
    const bytes = await book((wb) => {
      const ws = wb.addWorksheet("កុមារ")
      ws.addRow(["id", "name", "born", "count", "ok", "formula", "error"])
      ws.getRow(3).values = [
        "CH-1",
        { richText: [{ text: "សុខា " }, { text: "<b>&amp;", font: { bold: true } }] },
        new Date("2010-03-14T00:00:00Z"),
        3.5,
        true,
        { formula: 'A3&"x"', result: "CH-1x" },
        { error: "#N/A" }
      ]
      ws.getCell("C3").numFmt = "dd/mm/yyyy"
      ws.getRow(5).values = ["CH-2", undefined, undefined, 0]
    })
    expect(rowsOf(bytes)).toEqual([
      [1, ["id", "name", "born", "count", "ok", "formula", "error"]],
      [3, ["CH-1", "សុខា <b>&amp;", new Date("2010-03-14T00:00:00Z"), 3.5, true, "CH-1x", { error: "#N/A" }]],
      [5, ["CH-2", undefined, undefined, 0]]
    ])
  })

  test("a date written with a built-in format (14: m/d/yy) and a number that is not a date", async () => {
    const bytes = await book((wb) => {
      const ws = wb.addWorksheet("s")
      ws.addRow(["d", "n"])
      ws.addRow([new Date("2018-12-31T00:00:00Z"), 43465])
      ws.getCell("A2").numFmt = "m/d/yy"
      ws.getCell("B2").numFmt = "#,##0"
    })
    expect(rowsOf(bytes)[1]).toEqual([2, [new Date("2018-12-31T00:00:00Z"), 43465]])
  })

  test("the second sheet by position; a position past the last is refused", async () => {
    const bytes = await book((wb) => {
      wb.addWorksheet("a").addRow(["first"])
      wb.addWorksheet("b").addRow(["second"])
    })
    expect(rowsOf(bytes, 2)).toEqual([[1, ["second"]]])
    expect([Xlsx.open(bytes).name, Xlsx.open(bytes, 2).name]).toEqual(["a", "b"])
    expect(() => Xlsx.open(bytes, 3)).toThrow(Xlsx.XlsxError)
  })

  test("files that are not workbooks are refused with a reason, never a crash", () => {
    expect(() => Xlsx.open(new TextEncoder().encode("id,name\n1,2\n"))).toThrow(/not an Excel workbook/)
    expect(() => Xlsx.open(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]))).toThrow(/cannot be read/)
    expect(() => Xlsx.open(zipSync({ "a.txt": new Uint8Array([1]) }))).toThrow(/cannot be read/)
  })

  test("a zip bomb (a sheet that inflates thousands of times) is refused before it is inflated", () => {
    const huge = new Uint8Array(16 * 2 ** 20) // zeros: deflates to a few KiB
    const bomb = zipSync(
      { "xl/workbook.xml": new TextEncoder().encode("<workbook/>"), "xl/worksheets/sheet1.xml": huge },
      { level: 9 }
    )
    expect(bomb.length).toBeLessThan(2 ** 20)
    expect(() => Xlsx.open(bomb)).toThrow(/zip bomb/)
  })
})
