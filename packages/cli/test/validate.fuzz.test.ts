/**
 * Fuzzing `validate` (issue 14): random bytes, random CSV and JSON
 * structures and random mappings. Whatever the input: no crash (only a
 * report or an `UnusableInput`), exit code 0, 1 or 2 from the command,
 * bounded time, and no marker planted in a sensitive column (names, notes,
 * phones, villages, addresses, free text in lists, headers that are data,
 * ignored and sensitive extra columns) ever in any output.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fc, test as fcTest } from "@fast-check/vitest"
import { Unusable } from "@homeward/validate"
import { describe, expect } from "vitest"
import * as Format from "../src/Format.js"
import * as Validate from "../src/Validate.js"
import { BIN } from "./helpers.js"

const marker = fc.stringMatching(/^Q[a-z]{8}Z$/)

/** A case: files to write, the options, and the markers that must never be printed. */
interface Case {
  readonly files: ReadonlyArray<{ readonly name: string; readonly content: string | Uint8Array }>
  readonly input: string
  readonly args: ReadonlyArray<string>
  readonly options: Validate.ValidateOptions
  readonly markers: ReadonlyArray<string>
}

const SENSITIVE: Readonly<Record<"child" | "household", ReadonlyArray<string>>> = {
  child: ["givenName", "familyName", "specialNeeds"],
  household: [
    "members.0.name",
    "members",
    "contact.phone",
    "contact.other",
    "notes",
    "location.village",
    "location.address"
  ]
}
const OTHER: Readonly<Record<"child" | "household", ReadonlyArray<string>>> = {
  child: [
    "id",
    "birth.date",
    "birth.estimated",
    "birth",
    "sex",
    "school",
    "siblingIds",
    "siblingIds.2",
    "disabilities"
  ],
  household: [
    "id",
    "members.0.id",
    "members.0.relationship",
    "members.0.birthYear",
    "location.province",
    "housing",
    "tracing"
  ]
}

const plainValue = fc.oneof(
  fc.constantFrom(
    "",
    "  ",
    "CH-1",
    "CH-1",
    "HH 2",
    "female",
    "Femal",
    "enrolled",
    "2010-01-01",
    "2023-02-30",
    "2031-01-01",
    "31/12/2010",
    "14 March 2010",
    "yes",
    "maybe",
    "1",
    "-3",
    "1e400",
    "[",
    "{",
    '{"date":"2010-01-01","estimated":false}',
    "[1,2]",
    "a;b|c",
    '"',
    ",",
    "\n",
    "\r",
    "ស្រី",
    "x".repeat(60)
  ),
  fc.string({ maxLength: 12 })
)

/** A text holding a marker: alone, inside other text, in a JSON-looking or list-looking cell. */
const withMarker = (m: string) =>
  fc.constantFrom(m, `${m} 012345678`, `[${m}`, `${m};${m}`, `{"name":"${m}"}`, `["${m}"]`, ` ${m} `, `${m}|x`)

const quote = (c: string, d: string) =>
  c === "" || c.includes(d) || c.includes('"') || c.includes("\n") || c.includes("\r")
    ? `"${c.replaceAll('"', '""')}"`
    : c

/** A CSV with field-path headers (no mapping). */
const csvCase = fc
  .record({
    type: fc.constantFrom("child", "household"),
    markers: fc.array(marker, { minLength: 2, maxLength: 3 }),
    delimiter: fc.constantFrom(",", ";", "\t", "|"),
    headerless: fc.boolean(),
    withUnknown: fc.boolean(),
    eol: fc.constantFrom("\n", "\r\n"),
    seed: fc.integer({ min: 0, max: 1_000_000 })
  })
  .chain(({ type, markers, delimiter, headerless, withUnknown, eol, seed }) =>
    fc
      .record({
        sensitive: fc.subarray([...SENSITIVE[type]], { minLength: 1 }),
        other: fc.subarray([...OTHER[type]]),
        rows: fc.integer({ min: 1, max: 6 })
      })
      .chain(({ sensitive, other, rows }) => {
        const headers = [...other, ...sensitive, ...(withUnknown ? [markers[0] as string] : [])]
        const isMarked = (h: string) => sensitive.includes(h) || markers.includes(h)
        const cell = (h: string) => (isMarked(h) ? fc.constantFrom(...markers).chain((m) => withMarker(m)) : plainValue)
        return fc.array(fc.tuple(...headers.map(cell)), { minLength: rows, maxLength: rows }).map((table): Case => {
          const lines = [
            ...(headerless ? [] : [headers.map((h) => quote(h, delimiter)).join(delimiter)]),
            ...table.map((r) => (r as Array<string>).map((c) => quote(c, delimiter)).join(delimiter))
          ]
          const name = `data-${seed}.csv`
          return {
            files: [{ name, content: lines.join(eol) + eol }],
            input: name,
            args: ["--as", type, ...(delimiter === "," ? [] : ["--delimiter", delimiter === "\t" ? "tab" : delimiter])],
            options: { as: type, ...(delimiter === "," ? {} : { delimiter }) },
            markers
          }
        })
      })
  )

/** JSON or JSON Lines records with markers in sensitive fields and random junk elsewhere. */
const jsonCase = fc
  .record({
    type: fc.constantFrom("child", "household"),
    markers: fc.array(marker, { minLength: 2, maxLength: 3 }),
    lines: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1_000_000 })
  })
  .chain(({ type, markers, lines, seed }) => {
    const m = fc.constantFrom(...markers)
    const sensitiveValue = m.chain((x) =>
      fc.constantFrom<unknown>(x, [x], { x }, [{ name: x }], `${x} 012`, { phone: x, other: x }, [[x]])
    )
    const record =
      type === "child"
        ? fc.record(
            {
              id: fc.oneof(fc.constantFrom("CH-1", "CH-2", 7, null), fc.jsonValue({ maxDepth: 1 })),
              givenName: sensitiveValue,
              familyName: sensitiveValue,
              specialNeeds: sensitiveValue,
              birth: fc.oneof(fc.constant({ date: "2010-01-01", estimated: false }), fc.jsonValue({ maxDepth: 2 })),
              sex: fc.oneof(fc.constantFrom("female", "girl"), fc.jsonValue({ maxDepth: 1 })),
              school: fc.constantFrom("enrolled", "school", 3),
              siblingIds: fc.oneof(fc.constant(["CH-2"]), fc.jsonValue({ maxDepth: 1 }))
            },
            { requiredKeys: [] }
          )
        : fc.record(
            {
              id: fc.constantFrom("HH-1", "HH 2", 3),
              members: m.chain((x) =>
                fc.constantFrom<unknown>(
                  [{ id: "M-1", name: x, relationship: "parent", primaryCaregiver: true }],
                  [{ id: "M 2", name: [x], relationship: x, primaryCaregiver: "yes" }],
                  x,
                  [x],
                  { name: x }
                )
              ),
              contact: sensitiveValue,
              notes: sensitiveValue,
              location: m.chain((x) =>
                fc.constantFrom<unknown>({ province: "Siem Reap", village: x, address: x }, { village: [x] }, x)
              ),
              housing: fc.constantFrom("suitable", "palace"),
              livelihood: fc.constantFrom("stable", 1),
              tracing: fc.constantFrom("traced", null)
            },
            { requiredKeys: [] }
          )
    return fc.array(record, { minLength: 1, maxLength: 5 }).map((records): Case => {
      const name = `data-${seed}.${lines ? "jsonl" : "json"}`
      return {
        files: [
          {
            name,
            content: lines ? `${records.map((r) => JSON.stringify(r)).join("\n")}\n` : JSON.stringify(records)
          }
        ],
        input: name,
        args: ["--as", type],
        options: { as: type },
        markers
      }
    })
  })

/** A CSV with the NGO's own headers and a random mapping (either form), markers in the columns it makes sensitive. */
const mappingCase = fc
  .record({
    markers: fc.array(marker, { minLength: 2, maxLength: 3 }),
    n: fc.integer({ min: 2, max: 7 }),
    form: fc.constantFrom("columns", "records"),
    unmapped: fc.constantFrom("warn", "ignore"),
    seed: fc.integer({ min: 0, max: 1_000_000 })
  })
  .chain(({ markers, n, form, unmapped, seed }) => {
    const headers = Array.from({ length: n }, (_, i) => `Col ${i}`)
    const use = fc.constantFrom(
      { to: "id", sensitive: false },
      { to: "givenName", sensitive: true },
      { to: "familyName", sensitive: true },
      { to: "specialNeeds", sensitive: true },
      { to: "birth.date", sensitive: false },
      { to: "birth.estimated", sensitive: false },
      { to: "sex", sensitive: false },
      { to: "school", sensitive: false },
      { to: "siblingIds", sensitive: false },
      { to: "nope.nothing", sensitive: false },
      { to: "extra-yes-no", sensitive: false },
      { to: "extra-secret", sensitive: true },
      { to: "ignore", sensitive: true },
      { to: "unmapped", sensitive: true }
    )
    return fc
      .record({
        uses: fc.array(use, { minLength: n, maxLength: n }),
        rows: fc.array(fc.array(plainValue, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 5 }),
        caseRecord: fc.boolean(),
        values: fc.constantFrom({}, { sex: { F: "female", M: "woman" } }, { sex: { F: "female" } })
      })
      .chain(({ uses, rows, caseRecord, values }) =>
        fc
          .array(fc.constantFrom(...markers).chain(withMarker), {
            minLength: rows.length * n,
            maxLength: rows.length * n
          })
          .map((marks): Case => {
            const columns: Record<string, string> = {}
            const extra: Record<string, unknown> = {}
            const ignore: Array<string> = []
            uses.forEach((u, i) => {
              const h = headers[i] as string
              if (u.to === "extra-yes-no") extra[h] = { kind: "yes-no" }
              else if (u.to === "extra-secret") extra[h] = { kind: "choice", choices: ["a"], sensitive: true }
              else if (u.to === "ignore") ignore.push(h)
              else if (u.to !== "unmapped") columns[h] = u.to
            })
            const mapping =
              form === "columns"
                ? { columns, values, ignore, extra, unmapped }
                : {
                    records: {
                      child: { columns, values, partial: true },
                      ...(caseRecord
                        ? {
                            case: {
                              id: "generate",
                              columns: { [headers[0] as string]: "openedOn" },
                              links: { childId: "child" },
                              partial: true
                            }
                          }
                        : {})
                    },
                    ignore,
                    extra,
                    unmapped
                  }
            // the case record reads column 0 as its opening date: an unmapped column 0 is then a plain date column
            const sensitive = (ci: number) => {
              const u = uses[ci] as { to: string; sensitive: boolean }
              return u.sensitive && !(form === "records" && caseRecord && ci === 0 && u.to === "unmapped")
            }
            const table = rows.map((r, ri) => r.map((c, ci) => (sensitive(ci) ? (marks[ri * n + ci] as string) : c)))
            // in a "columns" mapping an unmapped header names a field path; "Col 3" names none, so it stays unknown
            const csv = [headers.join(","), ...table.map((r) => r.map((c) => quote(c, ",")).join(","))].join("\n")
            const name = `ngo-${seed}.csv`
            return {
              files: [
                { name, content: `${csv}\n` },
                { name: `map-${seed}.json`, content: JSON.stringify(mapping) }
              ],
              input: name,
              args: [...(form === "columns" ? ["--as", "child"] : []), "--mapping", `map-${seed}.json`],
              options: { ...(form === "columns" ? { as: "child" } : {}), mapping: `map-${seed}.json` },
              markers
            }
          })
      )
  })

/** Random bytes under a random name. */
const bytesCase = fc
  .record({
    bytes: fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      fc.string({ maxLength: 400 }).map((s) => new TextEncoder().encode(s)),
      fc.constantFrom(
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
        new Uint8Array([0xff, 0xfe, 0x69, 0]),
        new TextEncoder().encode('id\n"open'),
        new TextEncoder().encode("[{}"),
        new TextEncoder().encode("\uFEFF")
      )
    ),
    ext: fc.constantFrom(".csv", ".json", ".jsonl", ".xlsx", ".txt", ""),
    seed: fc.integer({ min: 0, max: 1_000_000 })
  })
  .map(
    ({ bytes, ext, seed }): Case => ({
      files: [{ name: `bytes-${seed}${ext}`, content: bytes }],
      input: `bytes-${seed}${ext}`,
      args: ["--as", "child"],
      options: { as: "child" },
      markers: []
    })
  )

const anyCase = fc.oneof(csvCase, jsonCase, mappingCase, bytesCase)

const setUp = (c: Case): string => {
  const dir = mkdtempSync(join(tmpdir(), "homeward-fuzz-"))
  for (const f of c.files) writeFileSync(join(dir, f.name), f.content)
  return dir
}

describe("fuzz: validate in process (the library behind the command)", () => {
  fcTest.prop([anyCase], { numRuns: 250 })(
    "a report or an UnusableInput, in bounded time, never a planted marker",
    async (c) => {
      const dir = setUp(c)
      const cwd = process.cwd()
      process.chdir(dir)
      const t = performance.now()
      let output: string
      try {
        const report = await Validate.validateFile(c.input, { ...c.options, asOf: new Date("2024-06-30") })
        output = `${Format.toTable(report, 1000)}\n${Format.toJson(report)}`
        expect(report.errors + report.warnings).toBeGreaterThanOrEqual(report.problems.length)
      } catch (e) {
        // anything else is a crash
        expect(Unusable.isUnusableInput(e)).toBe(true)
        output = (e as Error).message
      } finally {
        process.chdir(cwd)
      }
      expect(performance.now() - t).toBeLessThan(30_000)
      for (const m of c.markers) expect(output).not.toContain(m)
    },
    600_000
  )
})

describe("fuzz: the homeward command", () => {
  fcTest.prop([anyCase, fc.constantFrom("table", "json")], { numRuns: 25 })(
    "exit code 0, 1 or 2; one line on stderr for 2; bounded time; never a planted marker",
    (c, format) => {
      const dir = setUp(c)
      const t = Date.now()
      const r = spawnSync(
        process.execPath,
        [BIN, "validate", c.input, ...c.args, "--format", format, "--as-of", "2024-06-30"],
        { cwd: dir, encoding: "utf8", timeout: 120_000 }
      )
      expect(Date.now() - t).toBeLessThan(120_000)
      expect([0, 1, 2]).toContain(r.status)
      if (r.status === 2) expect(r.stderr.trim().split("\n")).toHaveLength(1)
      else expect(r.stderr).toBe("")
      for (const m of c.markers) {
        expect(r.stdout).not.toContain(m)
        expect(r.stderr).not.toContain(m)
      }
    },
    1_200_000
  )
})
