/**
 * Running the built `homeward` binary in a temporary directory.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

export const BIN = resolve(import.meta.dirname, "../bin/homeward.js")

export interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export const run = (args: ReadonlyArray<string>, cwd: string): Run => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" }
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

export const tmp = (): string => mkdtempSync(join(tmpdir(), "homeward-cli-"))

export const write = (dir: string, name: string, content: string | Buffer): string => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}

export const json = (
  r: Run
): {
  ok: boolean
  rows: number
  validRows: number
  invalidRows: number
  errors: number
  warnings: number
  summary: Array<{ column: string; rule: string; severity: string; count: number }>
  problems: Array<{
    severity: string
    row?: number
    column: string
    path: string
    rule: string
    message: string
    received?: string
    value?: string
    file?: string
    record?: string
    related?: { file?: string; row?: number; column: string }
    source?: string
  }>
  delimiter?: string
  format: string
  sheet?: string
} => JSON.parse(r.stdout)

export const HEADER = "id,givenName,familyName,birth.date,birth.estimated,sex,school,siblingIds"
