/**
 * Produce the XLSX form of a semicolon CSV (the same sheet an NGO would keep
 * in Excel), so it can be validated too.
 */
import { readFile } from "node:fs/promises"
import ExcelJS from "exceljs"

/** Write `csvPath` (`;`-delimited, UTF-8 with BOM, no quoted cells) as an XLSX file at `xlsxPath`. */
export const csvToXlsx = async (csvPath: string, xlsxPath: string, sheet = "Children"): Promise<void> => {
  const text = (await readFile(csvPath, "utf8")).replace(/^\uFEFF/, "")
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(sheet)
  for (const line of text.split(/\r?\n/)) if (line.trim() !== "") ws.addRow(line.split(";"))
  await wb.xlsx.writeFile(xlsxPath)
}
