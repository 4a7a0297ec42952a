import { fc, test } from "@fast-check/vitest"
import { type CaseEvent, CaseState, PolicyProfile, Profiles } from "@homeward/core"
import { describe, expect } from "vitest"
import * as Html from "../src/Html.js"
import { counts } from "../src/internal/counts.js"
import * as Render from "../src/Render.js"
import * as Report from "../src/Report.js"
import { d, eventsOf, type GeneratedCase, institutions, programme, reportDay } from "./helpers.js"

const profile = Profiles.unicefSiemReap2017
const asOf = d("2017-11-17")

const build = (gs: ReadonlyArray<GeneratedCase>, p = profile, on = asOf, since = d("2016-01-01")) =>
  Report.aggregate({ events: eventsOf(gs), institutions, profile: p, asOf: on, since })

const outputs = (r: Report.AggregateReport): Record<string, string> => ({
  json: Render.json(r),
  csv: Render.csv(r),
  csvFiles: Render.csvFiles(r)
    .map((f) => `${f.name}\n${f.content}`)
    .join("\n"),
  markdown: Render.markdown(r),
  html: Html.render(r)
})

const tableById = (r: Report.AggregateReport, id: string) =>
  r.sections.flatMap((s) => s.tables).find((t) => t.id === id)!

const withK = (k: number, level = k) => ({
  ...profile,
  parameters: {
    ...profile.parameters,
    reporting: {
      smallCellK: { ...profile.parameters.reporting.smallCellK, value: k },
      protectionLevel: { ...profile.parameters.reporting.protectionLevel, value: level }
    }
  }
})

const ev = (type: string, caseId: string, n: number, on: string, fields: Record<string, unknown> = {}) =>
  ({
    type,
    eventId: `${caseId}#${n}`,
    caseId,
    occurredOn: d(on),
    recordedAt: new Date(`${on}T09:00:00Z`),
    actor: { id: "sw-1", role: "social-worker" },
    ...fields
  }) as unknown as CaseEvent.CaseEvent

const opened = (caseId: string, on: string, institutionId = "RCI-1", worker = "sw-1") =>
  ev("CaseOpened", caseId, 1, on, {
    child: {
      id: `child-${caseId}`,
      birth: { date: d("2009-01-01"), estimated: true },
      sex: "female",
      school: "enrolled"
    },
    institutionId,
    agencyId: "KM",
    socialWorkerId: worker,
    admissionReasons: ["poverty"],
    placement: { type: "residential-care", since: d(on), institutionId }
  })

describe("Report.aggregate", () => {
  test.prop([programme(0, 40), reportDay], { numRuns: 25 })(
    "[Privacy] no id or sensitive value appears in any aggregate renderer's output",
    (gs, on) => {
      const out = outputs(build(gs, profile, on))
      for (const g of gs)
        for (const needle of [...g.secrets, ...g.ids])
          for (const [name, text] of Object.entries(out))
            expect({ name, found: text.includes(needle) }).toEqual({ name, found: false })
    }
  )

  test.prop([programme(0, 40), fc.integer({ min: 1, max: 8 })], { numRuns: 25 })(
    "[Privacy] every published count of children is 0 or at least k (reporting.smallCellK)",
    (gs, k) => {
      const r = build(gs, withK(k))
      expect(r.suppression.k).toBe(k)
      for (const s of r.sections) {
        for (const t of s.tables) {
          if (t.counts === "institutions") continue
          for (const v of [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total])
            if (v !== null) expect(v === 0 || v >= k).toBe(true)
        }
        for (const f of s.figures)
          if (
            f.unit === "children" &&
            !["max-caseload", "target-count", "remaining"].includes(f.id) &&
            f.value !== null
          )
            expect({ id: f.id, ok: f.value === 0 || f.value >= k }).toEqual({ id: f.id, ok: true })
      }
      for (const x of r.progress.readings)
        for (const v of [x.numerator, x.denominator]) if (v !== null) expect(v === 0 || v >= k).toBe(true)
    }
  )

  test.prop([programme(1, 40), reportDay], { numRuns: 30 })(
    "[issue 19] a report on day d equals the report built from only the events up to d (and from the states folded to d)",
    (gs, on) => {
      const all = eventsOf(gs)
      const upTo = all.filter((e) => e.occurredOn.getTime() <= on.getTime())
      const since = new Date(on.getTime() - 400 * 86_400_000)
      const input = { institutions, profile, asOf: on, since }
      const full = Report.aggregate({ ...input, events: all })
      expect(Report.aggregate({ ...input, events: upTo })).toEqual(full)
      expect(Report.aggregate({ ...input, cases: Report.statesAsOf(all, on) })).toEqual(full)
      expect(Report.caseworker({ ...input, events: all })).toEqual(Report.caseworker({ ...input, events: upTo }))
    }
  )

  test("[issue 19] case states folded with events after the report date are refused, not counted", () => {
    const events = [
      opened("c1", "2017-06-01"),
      ev("PhaseAdvanced", "c1", 2, "2017-07-01", { from: { phase: "intake" }, to: { phase: "assessment" } }),
      ev("CaseClosed", "c1", 3, "2018-03-01", { closureReason: "moved-cannot-be-found" })
    ]
    const folded = CaseState.replay("c1", events)
    expect(() => Report.aggregate({ cases: [folded], profile, asOf: d("2018-01-31") })).toThrow(RangeError)
    expect(() => Report.caseworker({ cases: [folded], profile, asOf: d("2018-01-31") })).toThrow(
      /after the report date/
    )
    // The events path drops the closure of March.
    const r = Report.aggregate({ events, profile: withK(1), asOf: d("2018-01-31") })
    expect(tableById(r, "pipeline").cells[1]![0]).toBe(1) // assessment
    expect(tableById(r, "closures").total).toBe(0)
  })

  test.prop([programme(0, 50)], { numRuns: 25 })("totals add up across sections (where published)", (gs) => {
    const r = build(gs)
    const cases = Report.statesAsOf(eventsOf(gs), asOf)
    const base = cases.length
    expect(r.progress.baseline === null || r.progress.baseline === base).toBe(true)
    for (const id of ["placements", "pipeline", "children-per-institution", "province", "district"]) {
      const t = tableById(r, id)
      if (t.total !== null) expect({ id, total: t.total }).toEqual({ id, total: base })
      t.rows.forEach((_, i) => {
        const row = t.cells[i]!
        const rt = t.rowTotals[i]
        if (rt !== null && row.every((v) => v !== null)) expect(row.reduce<number>((a, v) => a + (v ?? 0), 0)).toBe(rt)
      })
    }
    const open = cases.filter((s) => s.status === "open" && s.phase.phase !== "transferred").length
    const caseload = tableById(r, "caseload")
    if (caseload.total !== null) expect(caseload.total).toBe(open)
    const ever = cases.filter(
      (s) =>
        s.phaseHistory.some((h) => h.phase.phase === "reunified") ||
        (s.status === "open" && s.phase.phase === "returned-to-care") ||
        (s.status === "closed" && ["reintegration-complete", "breakdown"].includes(s.closure?.reason ?? ""))
    ).length
    const outcomes = tableById(r, "outcomes")
    if (outcomes.total !== null) expect(outcomes.total).toBe(ever)
  })

  test.prop([programme(0, 50), reportDay], { numRuns: 30 })(
    "[Privacy] every relation the disclosure model states holds on the true counts (no false link between tables)",
    (gs, on) => {
      const { model } = Report.disclosure({
        events: eventsOf(gs),
        institutions,
        profile,
        asOf: on,
        since: d("2016-01-01")
      })
      for (const c of model.constraints) {
        const lhs = c.terms.reduce((a, [q, coef]) => a + coef * model.quantities[q]!.value, 0)
        if (c.op === "=") expect({ label: c.label, lhs }).toEqual({ label: c.label, lhs: c.rhs })
        else expect({ label: c.label, ok: lhs <= c.rhs }).toEqual({ label: c.label, ok: true })
      }
    }
  )

  test.prop([programme(1, 40)], { numRuns: 15 })(
    "[issue 19] every report carries definitions (population and source) for each figure and table, in every format",
    (gs) => {
      const r = build(gs)
      const ids = new Set(r.definitions.map((x) => x.id))
      for (const x of r.definitions) {
        expect(x.population.length).toBeGreaterThan(10)
        expect(x.source.length).toBeGreaterThan(5)
      }
      for (const id of ["baseline", "cohort", "share", "returned-since", "under-follow-up", "monitoring-complete"])
        expect(ids.has(id)).toBe(true)
      for (const t of r.sections.flatMap((s) => s.tables))
        expect({ t: t.id, defined: ids.has(t.id) || ["closure-reasons", "district"].includes(t.id) }).toEqual({
          t: t.id,
          defined: true
        })
      const share = r.definitions.find((x) => x.id === "share")!
      expect(share.numerator).toBeDefined()
      expect(share.denominator).toBeDefined()
      const out = outputs(r)
      expect(JSON.parse(out.json!).definitions).toEqual(r.definitions)
      for (const name of ["markdown", "html", "csv"]) {
        expect(out[name]).toContain("Definitions".slice(name === "csv" ? 1 : 0))
        expect(out[name]).toContain("children whose case was opened on or before")
      }
    }
  )

  test("aggregate renderers refuse a case-worker report", () => {
    const cw = Report.caseworker({ events: [], profile, asOf })
    const wrong = cw as unknown as Report.AggregateReport
    expect(() => Render.json(wrong)).toThrow(TypeError)
    expect(() => Render.csv(wrong)).toThrow(TypeError)
    expect(() => Render.csvFiles(wrong)).toThrow(TypeError)
    expect(() => Render.markdown(wrong)).toThrow(TypeError)
    expect(() => Html.render(wrong)).toThrow(TypeError)
  })
})

// ---------------------------------------------------------------------------
// A small Siem Reap-like programme (UNICEF Cambodia, 17 Nov 2017)

const reunified = (caseId: string, on: string, type: string) =>
  ev("Reunified", caseId, 2, on, { placement: { type, since: d(on) } })

/** 100 children in 4 RCIs since 2015; 25 reunified in 2016 (parents 15, kinship 6, community 4). */
const siemReap = (): Array<CaseEvent.CaseEvent> =>
  Array.from({ length: 100 }, (_, i) => {
    const inst = ["RCI-1", "RCI-2", "RCI-3", "RCI-4"][i % 4]!
    const id = `c${i}`
    return [
      opened(id, "2015-06-01", inst, `sw-${(i % 5) + 1}`),
      ...(i < 25
        ? [
            reunified(
              id,
              `2016-${String((i % 12) + 1).padStart(2, "0")}-15`,
              i < 15 ? "parents" : i < 21 ? "kinship" : "community-based"
            )
          ]
        : [])
    ]
  }).flat()

describe("[seed: UNICEF Siem Reap 2017] programme report", () => {
  const r = Report.aggregate({ events: siemReap(), institutions, profile, asOf, since: d("2016-01-01") })

  test("[seed: UNICEF Siem Reap 2017] progress against the 30% target by end 2018, with the target's cohort (children in residential care)", () => {
    expect(r.progress.baseline).toBe(100)
    expect(r.progress.cohortDefinition).toBe("in-care-at-start")
    expect(r.progress.cohortSource).toContain("30 per cent of children in residential care institutions")
    expect(r.progress.cohortSource).toContain("644")
    expect(r.progress.cohort).toBe(100) // all 100 were in residential care on 2016-01-01
    expect(r.progress.returnedSince).toBe(25)
    expect(r.progress.reintegrated).toBe(25)
    expect(r.progress.share).toBe(0.25)
    expect(r.progress.targetShare).toBe(0.3)
    expect(r.progress.targetDeadline).toBe("2018-12-31")
    expect(r.progress.targetCount).toBe(30)
    expect(r.progress.remaining).toBe(5)
    expect(r.progress.targetSource).toContain("30 per cent")
    expect(r.progress.expectedShareByNow).toBeGreaterThan(0.18)
    expect(r.progress.expectedShareByNow).toBeLessThan(0.2)
    expect(r.progress.onTrack).toBe(true)
    // Every reading agrees here (everyone was in care at the start), so only the target's reading is shown.
    expect(r.progress.readingsDiffer).toBe(false)
  })

  test("[seed: UNICEF Siem Reap 2017] placements: parents, relatives, community-based; small cells suppressed", () => {
    const t = tableById(r, "placements")
    expect(t.rows[0]).toBe("Parents")
    expect(t.cells[0]).toEqual([15, 0, 0])
    expect(t.cells[3]![0]).toBeNull() // community-based 4 < k = 5
    expect(t.cells[5]).toEqual([75, 0, 0])
    expect(t.total).toBe(100)
  })

  test("[seed: UNICEF Siem Reap 2017] institutions: closed with reasons; children by institution of origin", () => {
    const status = tableById(r, "institution-status")
    expect(status.cells.map((c) => c[0])).toEqual([1, 1, 1, 1])
    const reasons = tableById(r, "closure-reasons")
    expect(reasons.cells[0]![0]).toBe(1) // minimum standards not met
    const perInst = tableById(r, "children-per-institution")
    expect(perInst.rowTotals.slice(0, 4)).toEqual([25, 25, 25, 25])
  })

  test("[seed: UNICEF Siem Reap 2017] every rendering carries the profile, the date and the suppression note", () => {
    for (const text of Object.values(outputs(r))) {
      expect(text).toContain("unicef-siem-reap-2017")
      expect(text).toContain(profile.version)
      expect(text).toContain("2017-11-17")
      expect(text).toMatch(/suppress/i)
    }
  })

  test("[seed: UNICEF Siem Reap 2017] location falls back to the institution's province when there is no household", () => {
    const t = tableById(r, "province")
    expect(t.rows).toEqual(["Battambang", "Phnom Penh", "Siem Reap"])
    expect(t.rowTotals).toEqual([25, 25, 50])
  })

  test("[Privacy] HTML escapes every text (an institution name with markup)", () => {
    const evil = [{ ...institutions[0]!, name: `<script>alert("x")</script> & Co` }]
    const html = Html.render(Report.aggregate({ events: siemReap(), institutions: evil, profile, asOf }))
    expect(html).not.toContain("<script>")
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co")
    const md = Render.markdown(Report.aggregate({ events: siemReap(), institutions: evil, profile, asOf }))
    expect(md).not.toContain("<script>")
    const csv = Render.csv(
      Report.aggregate({ events: siemReap(), institutions: [{ ...institutions[0]!, name: "=cmd()" }], profile, asOf })
    )
    expect(csv).toContain("'=cmd()")
  })

  test("[issue 14.17] Markdown: a lone CR (or any line separator) in a name cannot start a line (no injected heading)", () => {
    for (const sep of ["\r", "\n", "\r\n", "\u2028", "\u2029", "\u0085", "\v", "\f"]) {
      const name = `Lotus${sep}# All 66 children safely home (100%)${sep}| 1 | 2 |`
      const md = Render.markdown(
        Report.aggregate({ events: siemReap(), institutions: [{ ...institutions[0]!, name }], profile, asOf })
      )
      // CommonMark line endings are LF, CR and CRLF; split on those and on the Unicode separators too.
      const lines = md.split(/\r\n|[\r\n\u2028\u2029\u0085\v\f]/)
      expect(lines.some((l) => /^\s*#+\s*All 66/.test(l))).toBe(false)
      expect(lines.some((l) => l.startsWith("| 1 | 2 |"))).toBe(false)
      expect(md).toContain("Lotus \\# All 66 children safely home (100%) \\| 1 \\| 2 \\|")
    }
  })
})

// ---------------------------------------------------------------------------
// Definitions that a ministry reader would misread (issue 19)

describe("[issue 19] what the figures count", () => {
  const k1 = withK(1) // nothing suppressed: the exact counts
  const on = "2018-06-30"
  const since = "2017-08-01"
  const events = [
    // in care on the start date, returned since, at home: in the cohort's numerator
    opened("a", "2016-01-10"),
    reunified("a", "2017-10-01", "parents"),
    // in care on the start date, still in care: in the cohort's denominator only
    opened("b", "2016-02-10"),
    // home before the start date: out of the cohort, at home (reading "all at home" only)
    opened("c", "2014-01-10"),
    reunified("c", "2016-01-01", "kinship"),
    // admitted after the start date, returned, at home: not in the cohort
    opened("e", "2017-09-01"),
    reunified("e", "2018-03-01", "parents"),
    // transferred: out of every denominator, the caseload and the residential column
    opened("t", "2016-03-10", "RCI-1", "sw-2"),
    ev("CaseTransferred", "t", 2, "2018-01-05", { toAgencyId: "AG-2", toSocialWorkerId: "sw-P1" }),
    // reunified long ago, monitoring (36 months) complete, case still open
    opened("m", "2014-01-10"),
    reunified("m", "2015-01-01", "parents"),
    // closed for a reason other than reintegration
    opened("x", "2016-05-05"),
    ev("CaseClosed", "x", 2, "2017-12-01", { closureReason: "became-adult" })
  ]
  const r = Report.aggregate({ events, institutions, profile: k1, asOf: d(on), since: d(since) })

  test("[seed: UNICEF Siem Reap 2017] the target's cohort: children in residential care on the start date; the other readings side by side", () => {
    expect(r.progress.baseline).toBe(7)
    expect(r.progress.cohort).toBe(3) // a, b, x (x was in care on 2017-08-01; t transferred since)
    expect(r.progress.reintegrated).toBe(1) // a
    expect(r.progress.share).toBeCloseTo(1 / 3)
    expect(r.progress.transferred).toBe(1)
    const byId = Object.fromEntries(r.progress.readings.map((x) => [x.id, x]))
    expect(byId["target-cohort"]).toMatchObject({ numerator: 1, denominator: 3, usedForTarget: true })
    // every child not transferred: a, b, c, e, m, x
    expect(byId["all-returned-since"]).toMatchObject({ numerator: 2, denominator: 6, usedForTarget: false })
    expect(byId["all-at-home"]).toMatchObject({ numerator: 4, denominator: 6, usedForTarget: false })
    expect(r.progress.readingsDiffer).toBe(true)
    for (const text of [Render.markdown(r), Html.render(r), Render.csv(r)]) {
      expect(text).toContain("Readings of share reintegrated")
      expect(text).toContain("All children in the programme: share at home, whenever returned")
    }
  })

  test("a profile whose target counts every child in the programme uses that reading", () => {
    const all = PolicyProfile.derive(profile, {
      id: "all-children",
      version: "1.0.0",
      title: "All children",
      parameters: {
        programme: {
          targetCohort: { value: "all-in-programme", source: { document: "Test plan", year: 2026, section: "1" } }
        },
        reporting: { smallCellK: { value: 1, source: { document: "Test plan", year: 2026, section: "2" } } }
      }
    })
    if (all._tag !== "Success") throw new Error("derive failed")
    const x = Report.aggregate({ events, institutions, profile: all.success, asOf: d(on), since: d(since) })
    expect(x.progress.cohortDefinition).toBe("all-in-programme")
    expect(x.progress.share).toBeCloseTo(2 / 6)
    expect(x.progress.readings.find((y) => y.usedForTarget)!.id).toBe("all-returned-since")
  })

  test("monitoring complete while the case is open is not 'under follow-up'", () => {
    expect(r.progress.underFollowUp).toBe(3) // a, c (monitored until 2019-01-01), e
    expect(r.progress.monitoringComplete).toBe(1) // m
    const mon = tableById(r, "monitoring")
    expect(mon.columnTotals[3]).toBe(1)
  })

  test("transferred cases are out of the open caseload and the residential-care column", () => {
    const caseload = tableById(r, "caseload")
    expect(caseload.rows).not.toContain("sw-P1")
    expect(caseload.total).toBe(5) // a, b, c, e, m
    const prov = tableById(r, "province")
    expect(prov.columns[2]).toBe("Transferred to another agency")
    expect(prov.columnTotals).toEqual([1, 4, 1, 1]) // b in care; a, c, e, m at home; t; x closed
    expect(tableById(r, "placements").columnTotals).toEqual([5, 1, 1])
  })

  test("closures by reason", () => {
    const t = tableById(r, "closures")
    expect(t.rows[5]).toBe("Became an adult")
    expect(t.cells[5]![0]).toBe(1)
    expect(t.total).toBe(1)
  })

  test("visits due within their window vs overdue past it (children, not visits)", () => {
    // a, c, e: reunified, no visit recorded: each has visits whose window passed (overdue), counted once.
    const mon = tableById(r, "monitoring")
    expect(mon.columns).toEqual([
      "Visits up to date",
      "Visit due (within its window)",
      "Visit overdue (window passed)",
      "Monitoring complete, case open"
    ])
    expect(mon.columnTotals[2]).toBe(3)
    // a visit in its window on the report day is due, not overdue
    const plan = r.asOf
    expect(plan).toBe(on)
    const v = Report.aggregate({
      events: [
        opened("v", "2018-01-01"),
        reunified("v", "2018-06-23", "parents") // first weekly visit due 2018-06-30, in its window
      ],
      profile: k1,
      asOf: d(on)
    })
    expect(tableById(v, "monitoring").columnTotals).toEqual([0, 1, 0, 0])
  })

  test("[Privacy] counts of events never give away a count of children: 2 breakdowns of 2 children are not published", () => {
    const evs = Array.from({ length: 30 }, (_, i) => [
      opened(`k${i}`, "2016-01-01"),
      ...(i < 2
        ? [
            reunified(`k${i}`, "2017-01-01", "parents"),
            ev("BrokeDown", `k${i}`, 3, "2017-06-01", {
              placement: { type: "residential-care", since: d("2017-06-01"), institutionId: "RCI-1" }
            })
          ]
        : [])
    ]).flat()
    const x = Report.aggregate({ events: evs, institutions, profile, asOf: d(on), since: d(since) })
    const figure = x.sections.flatMap((sec) => sec.figures).find((f) => f.id === "breakdown-events")!
    expect(figure.value).toBeNull()
    expect(tableById(x, "outcomes").columnTotals[1]).toBeNull()
  })

  test("children by institution of origin vs where they live now are both explained", () => {
    const inst = tableById(r, "children-per-institution")
    expect(inst.note).toContain("institution the child was in when the case was opened")
    const notes = r.sections.find((s) => s.id === "location")!.notes.join(" ")
    expect(notes).toContain("household the child is placed with")
    expect(r.definitions.find((x) => x.id === "children-per-institution")!.population).toContain(
      "wherever the child lives now"
    )
  })
})

describe("Report.caseworker", () => {
  test("[seed: Aziza's Place] lists due and overdue visits by worker with pseudonymous ids only; nothing due is said", () => {
    const p = Profiles.azizasPlace
    const plain = opened("c1", "2017-01-01", "RCI-1", "sw-9") as unknown as { child: Record<string, unknown> }
    const named = { ...plain, child: { ...plain.child, givenName: "ZqSECRETNAME" } } as unknown as CaseEvent.CaseEvent
    const events = [
      named,
      ev("Reunified", "c1", 2, "2017-06-01", { placement: { type: "parents", since: d("2017-06-01") } }),
      opened("c2", "2017-01-01", "RCI-1", "sw-8"),
      opened("c3", "2017-01-01", "RCI-1", "sw-8"),
      ev("CaseTransferred", "c3", 2, "2017-02-01", { toAgencyId: "AG-2", toSocialWorkerId: "sw-P1" })
    ]
    const r = Report.caseworker({ events, profile: p, asOf: d("2017-07-01") })
    expect(r.workers.map((w) => w.socialWorkerId)).toEqual(["sw-8", "sw-9"]) // not sw-P1 (transferred)
    const [idle, w] = r.workers as [Report.WorkerList, Report.WorkerList]
    expect(idle.caseload).toBe(1)
    expect(idle.visits).toEqual([])
    expect(w.caseload).toBe(1)
    // Weekly visits from 2017-06-08; none recorded by 2017-07-01: earlier windows passed (overdue), the latest due.
    expect(w.visits.some((v) => v.status === "overdue")).toBe(true)
    expect(w.visits.some((v) => v.status === "due")).toBe(true)
    expect(w.visits.every((v) => v.childId === "child-c1" && v.caseId === "c1")).toBe(true)
    for (const text of [
      Render.caseworker.json(r),
      Render.caseworker.csv(r),
      Render.caseworker.markdown(r),
      Html.renderCaseworker(r)
    ]) {
      expect(text).not.toContain("ZqSECRETNAME")
      expect(text).toContain("child-c1")
    }
    expect(Html.renderCaseworker(r)).toContain(Render.NOTHING_DUE)
    expect(Render.caseworker.markdown(r)).toContain(Render.NOTHING_DUE)
    expect(Render.caseworker.csv(r)).toContain("sw-8,1,15,,,,,,nothing-due")
  })

  test("a case whose monitoring is complete while open is listed as such, not as overdue visits", () => {
    const r = Report.caseworker({
      events: [opened("m", "2014-01-10"), reunified("m", "2015-01-01", "parents")],
      profile,
      asOf: d("2018-06-30")
    })
    const w = r.workers[0]!
    expect(w.visits).toEqual([])
    expect(w.monitoringComplete).toEqual([{ caseId: "m", childId: "child-m", monitoringEnded: "2018-01-01" }])
    expect(Html.renderCaseworker(r)).toContain("Monitoring complete, case open")
  })
})

describe("counts", () => {
  test("the one path drops events after the report date", () => {
    const events = [opened("a", "2017-01-01"), ev("CaseClosed", "a", 2, "2018-02-01", { closureReason: "died" })]
    const c = counts(Report.statesAsOf(events, d("2018-01-31")), {
      profile,
      asOf: d("2018-01-31"),
      since: d("2017-08-01"),
      sinceText: "2017-08-01",
      institutions,
      households: []
    })
    expect(
      c.tables
        .get("closures")!
        .cells.flat()
        .reduce((a, b) => a + b, 0)
    ).toBe(0)
  })
})
