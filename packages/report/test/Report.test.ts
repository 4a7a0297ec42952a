import { fc, test } from "@fast-check/vitest"
import { CaseState, Profiles } from "@homeward/core"
import { describe, expect } from "vitest"
import * as Html from "../src/Html.js"
import * as Render from "../src/Render.js"
import * as Report from "../src/Report.js"
import { d, type Generated, institutions, programme } from "./helpers.js"

const profile = Profiles.unicefSiemReap2017
const asOf = d("2017-11-17")

const build = (gs: ReadonlyArray<Generated>, p = profile) =>
  Report.aggregate({
    cases: gs.map((g) => g.state),
    institutions,
    households: gs.flatMap((g) => (g.household === undefined ? [] : [g.household])),
    profile: p,
    asOf,
    since: d("2016-01-01")
  })

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

describe("Report.aggregate", () => {
  test.prop([programme(0, 50)], { numRuns: 60 })(
    "[Privacy] no id or sensitive value appears in any aggregate renderer's output",
    (gs) => {
      const out = outputs(build(gs))
      for (const g of gs)
        for (const needle of [...g.secrets, ...g.ids])
          for (const [name, text] of Object.entries(out))
            expect({ name, found: text.includes(needle) }).toEqual({ name, found: false })
    }
  )

  test.prop([programme(0, 50), fc.integer({ min: 1, max: 12 })], { numRuns: 60 })(
    "[Privacy] every published count of children is 0 or at least k (reporting.smallCellK)",
    (gs, k) => {
      const p = {
        ...profile,
        parameters: {
          ...profile.parameters,
          reporting: { smallCellK: { ...profile.parameters.reporting.smallCellK, value: k } }
        }
      }
      const r = build(gs, p)
      expect(r.suppression.k).toBe(k)
      for (const s of r.sections) {
        for (const t of s.tables) {
          if (t.counts === "institutions") continue
          const all = [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total]
          for (const v of all) if (v !== null) expect(v === 0 || v >= k).toBe(true)
        }
        for (const f of s.figures)
          if (
            ["baseline", "returned-since", "reintegrated", "under-follow-up", "breakdown-events"].includes(f.id) &&
            f.value !== null
          )
            expect(f.value === 0 || f.value >= k).toBe(true)
      }
    }
  )

  test.prop([programme(0, 60)], { numRuns: 60 })("totals add up across sections (where published)", (gs) => {
    const r = build(gs)
    const base = gs.length
    expect(r.progress.baseline === null || r.progress.baseline === base).toBe(true)
    for (const id of ["placements", "pipeline", "children-per-institution", "province", "district"]) {
      const t = tableById(r, id)
      if (t.total !== null) expect({ id, total: t.total }).toEqual({ id, total: base })
      // Published rows add up to published totals when nothing in the row is suppressed.
      t.rows.forEach((_, i) => {
        const row = t.cells[i]!
        const rt = t.rowTotals[i]
        if (rt !== null && row.every((v) => v !== null)) expect(row.reduce<number>((a, v) => a + (v ?? 0), 0)).toBe(rt)
      })
    }
    // Open cases: the caseload table and the placements table agree.
    const open = gs.filter((g) => g.state.status === "open").length
    const caseload = tableById(r, "caseload")
    if (caseload.total !== null) expect(caseload.total).toBe(open)
    const placements = tableById(r, "placements")
    if (placements.columnTotals[0] !== null) expect(placements.columnTotals[0]).toBe(open)
    // The outcomes table counts the children ever reunified.
    const ever = gs.filter((g) => g.state.phaseHistory.some((h) => h.phase.phase === "reunified")).length
    const outcomes = tableById(r, "outcomes")
    if (outcomes.total !== null) expect(outcomes.total).toBe(ever)
  })

  test.prop([programme(0, 60)], { numRuns: 60 })(
    "[Privacy] a quantity shared by two tables is published in both or suppressed in both (linked suppression)",
    (gs) => {
      const r = build(gs)
      const inst = tableById(r, "children-per-institution")
      const prov = tableById(r, "province")
      const dist = tableById(r, "district")
      const hidden = (v: number | null) => v === null
      for (const c of [0, 1, 2]) {
        expect(hidden(inst.columnTotals[c]!)).toBe(hidden(prov.columnTotals[c]!))
        expect(hidden(prov.columnTotals[c]!)).toBe(hidden(dist.columnTotals[c]!))
      }
      const placements = tableById(r, "placements")
      expect(hidden(placements.columnTotals[1]!)).toBe(hidden(prov.columnTotals[2]!))
      expect(hidden(placements.columnTotals[0]!)).toBe(hidden(tableById(r, "caseload").total))
      const totals = ["placements", "pipeline", "children-per-institution", "province", "district", "progress"].map(
        (id) => tableById(r, id).total
      )
      expect(new Set(totals.map(hidden)).size).toBeLessThanOrEqual(1)
      // open = residential + family-based: never exactly one of the three suppressed
      const open = [placements.columnTotals[0]!, prov.columnTotals[0]!, prov.columnTotals[1]!]
      const nonZeroHidden = open.filter((v) => v === null).length
      expect(nonZeroHidden).not.toBe(1)
    }
  )

  test.prop([programme(1, 40)], { numRuns: 40 })(
    "every aggregate report names its profile (id, version) and its date",
    (gs) => {
      const r = build(gs)
      expect(r.kind).toBe("aggregate")
      expect(r.profile).toEqual({ id: profile.id, version: profile.version, title: profile.title })
      expect(Render.json(r)).toContain(`"asOf": "2017-11-17"`)
    }
  )

  test("aggregate renderers refuse a case-worker report", () => {
    const cw = Report.caseworker({ cases: [], profile, asOf })
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

const opened = (id: string, on: string, institutionId: string, worker: string) =>
  CaseState.evolve(CaseState.initial(id), {
    type: "CaseOpened",
    eventId: `${id}-e1`,
    caseId: id,
    occurredOn: d(on),
    recordedAt: new Date(`${on}T09:00:00Z`),
    actor: { id: worker, role: "social-worker" },
    child: { id: `child-${id}`, birth: { date: d("2009-01-01"), estimated: true }, sex: "female", school: "enrolled" },
    institutionId,
    agencyId: "KM",
    socialWorkerId: worker,
    admissionReasons: ["poverty"],
    placement: { type: "residential-care", since: d(on), institutionId }
  } as never)

const reunify = (s: CaseState.CaseState, on: string, type: "parents" | "kinship" | "community-based") =>
  CaseState.evolve(s, {
    type: "Reunified",
    eventId: `${s.caseId}-e2`,
    caseId: s.caseId,
    occurredOn: d(on),
    recordedAt: new Date(`${on}T09:00:00Z`),
    actor: { id: "sw-1", role: "social-worker" },
    placement: { type, since: d(on) }
  } as never)

/** 100 children in 4 RCIs since 2015; 25 reunified since January 2016 (parents 15, kinship 6, community 4). */
const siemReap = (): Array<CaseState.CaseState> => {
  const out: Array<CaseState.CaseState> = []
  for (let i = 0; i < 100; i++) {
    const inst = ["RCI-1", "RCI-2", "RCI-3", "RCI-4"][i % 4]!
    let s = opened(`c${i}`, "2015-06-01", inst, `sw-${(i % 5) + 1}`)
    if (i < 25)
      s = reunify(
        s,
        `2016-${String((i % 12) + 1).padStart(2, "0")}-15`,
        i < 15 ? "parents" : i < 21 ? "kinship" : "community-based"
      )
    out.push(s)
  }
  return out
}

describe("[seed: UNICEF Siem Reap 2017] programme report", () => {
  const r = Report.aggregate({ cases: siemReap(), institutions, profile, asOf, since: d("2016-01-01") })

  test("[seed: UNICEF Siem Reap 2017] progress against the 30% target by end 2018", () => {
    expect(r.progress.baseline).toBe(100)
    expect(r.progress.returnedSince).toBe(25)
    expect(r.progress.reintegrated).toBe(25)
    expect(r.progress.underFollowUp).toBe(25)
    expect(r.progress.share).toBe(0.25)
    expect(r.progress.targetShare).toBe(0.3)
    expect(r.progress.targetDeadline).toBe("2018-12-31")
    expect(r.progress.targetCount).toBe(30)
    expect(r.progress.remaining).toBe(5)
    expect(r.progress.targetSource).toContain("30 per cent")
    // 2016-01-01 → 2018-12-31, 17 Nov 2017 is ~63% of the way: 0.3 × 0.63 ≈ 0.19; 25% is on track.
    expect(r.progress.expectedShareByNow).toBeGreaterThan(0.18)
    expect(r.progress.expectedShareByNow).toBeLessThan(0.2)
    expect(r.progress.onTrack).toBe(true)
  })

  test("[seed: UNICEF Siem Reap 2017] placements: parents, relatives, community-based; small cells suppressed", () => {
    const t = tableById(r, "placements")
    expect(t.rows[0]).toBe("Parents")
    expect(t.cells[0]).toEqual([15, 0])
    // community-based 4 < k = 5: suppressed, and the next smallest cell in its column (kinship, 6) with it.
    expect(t.cells[3]).toEqual([null, 0])
    expect(t.cells[1]).toEqual([null, 0])
    expect(t.cells[5]).toEqual([75, 0])
    expect(t.columnTotals).toEqual([100, 0])
    expect(t.total).toBe(100)
  })

  test("[seed: UNICEF Siem Reap 2017] institutions: closed with reasons, transitioned to community-based care", () => {
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

  test("[seed: UNICEF Siem Reap 2017] reports from events equal reports from case states", () => {
    const events = siemReap().flatMap((s, i) => {
      const evs: Array<unknown> = [
        {
          type: "CaseOpened",
          eventId: `c${i}-e1`,
          caseId: s.caseId,
          occurredOn: s.openedOn,
          recordedAt: s.openedOn,
          actor: { id: "sw-1", role: "social-worker" },
          child: s.child,
          institutionId: s.institutionId,
          agencyId: "KM",
          socialWorkerId: s.socialWorkerId,
          admissionReasons: ["poverty"],
          placement: { type: "residential-care", since: s.openedOn, institutionId: s.institutionId }
        }
      ]
      if (s.reunifiedOn !== undefined)
        evs.push({
          type: "Reunified",
          eventId: `c${i}-e2`,
          caseId: s.caseId,
          occurredOn: s.reunifiedOn,
          recordedAt: s.reunifiedOn,
          actor: { id: "sw-1", role: "social-worker" },
          placement: s.placement
        })
      return evs
    })
    const fromEvents = Report.aggregate({
      events: events as never,
      institutions,
      profile,
      asOf,
      since: d("2016-01-01")
    })
    expect(fromEvents).toEqual(r)
  })

  test("[seed: UNICEF Siem Reap 2017] location falls back to the institution's province when there is no household", () => {
    const t = tableById(r, "province")
    expect(t.rows).toEqual(["Battambang", "Phnom Penh", "Siem Reap"])
    expect(t.rowTotals).toEqual([25, 25, 50])
  })

  test("[Privacy] HTML escapes every text (an institution name with markup)", () => {
    const evil = [{ ...institutions[0]!, name: `<script>alert("x")</script> & Co` }]
    const html = Html.render(Report.aggregate({ cases: siemReap(), institutions: evil, profile, asOf }))
    expect(html).not.toContain("<script>")
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co")
    const md = Render.markdown(Report.aggregate({ cases: siemReap(), institutions: evil, profile, asOf }))
    expect(md).not.toContain("<script>")
    const csv = Render.csv(
      Report.aggregate({ cases: siemReap(), institutions: [{ ...institutions[0]!, name: "=cmd()" }], profile, asOf })
    )
    expect(csv).toContain("'=cmd()")
  })
})

describe("Report.caseworker", () => {
  test("[seed: Aziza's Place] lists due and missed visits by worker with pseudonymous ids only", () => {
    const p = Profiles.azizasPlace
    const s = reunify(opened("c1", "2017-01-01", "RCI-1", "sw-9"), "2017-06-01", "parents")
    const named = { ...s, child: { ...s.child!, givenName: "ZqSECRETNAME" } }
    const r = Report.caseworker({ cases: [named], profile: p, asOf: d("2017-07-01") })
    const w = r.workers[0]!
    expect(w.socialWorkerId).toBe("sw-9")
    expect(w.caseload).toBe(1)
    expect(w.overCaseload).toBe(false)
    // Weekly visits from 2017-06-08; none recorded by 2017-07-01: earlier ones missed, the latest due/overdue.
    expect(w.visits.some((v) => v.status === "missed")).toBe(true)
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
  })
})
