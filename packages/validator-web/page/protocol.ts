/** Messages between the page and its worker. */
import type { Report, Unusable } from "@homeward/validate"

export type DateOrder = "iso" | "dmy" | "mdy"

export interface Request {
  readonly kind: "validate"
  readonly file: File
  /** A preset, a record type, or a mapping file (with an optional record type). */
  readonly preset?: "oscar" | "primero"
  readonly recordType?: string
  readonly mappingFile?: File
  /** Order of slash dates; absent: the mapping's, or YYYY-MM-DD only. */
  readonly dates?: DateOrder
  /** `YYYY-MM-DD`. */
  readonly asOf: string
  readonly maxProblems?: number
}

export type Response =
  | { readonly kind: "progress"; readonly rows: number; readonly fraction: number }
  | { readonly kind: "done"; readonly report: Report.ValidationReport; readonly millis: number }
  | { readonly kind: "unusable"; readonly message: string; readonly code: Unusable.Code }
