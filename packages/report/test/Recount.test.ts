/**
 * Every count of the aggregate report recounted from the raw events in SQL
 * (issue 19): random programmes are written to the SQLite event store, the
 * facts of each case on the report day are read with plain SQL over the
 * `events` table (the latest event of each kind on or before that day; no
 * project fold), counted in a few lines of JavaScript, and compared with the
 * report's tables (built with `k = 1`, so nothing is suppressed).
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fc, test } from "@fast-check/vitest"
import { type CaseEvent, Monitoring, Profiles } from "@homeward/core"
import { openSqliteStore } from "@homeward/store-sqlite"
import { afterAll, describe, expect } from "vitest"
import * as Report from "../src/Report.js"
import { d, type GeneratedCase, institutions, programme, reportDay } from "./helpers.js"

const dir = mkdtempSync(join(tmpdir(), "homeward-recount-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

const base = Profiles.unicefSiemReap2017
const profile = {
  ...base,
  parameters: {
    ...base.parameters,
    reporting: {
      smallCellK: { ...base.parameters.reporting.smallCellK, value: 1 },
      protectionLevel: { ...base.parameters.reporting.protectionLevel, value: 1 }
    }
  }
}

const DAY = 86_400_000
const FAMILY = new Set(["parents", "kinship", "foster", "community-based", "independent-living"])
const IN_CARE = new Set(["intake", "assessment", "preparation", "gradual-contact", "returned-to-care"])

/** The facts of every case on `day`, straight from the events table. */
const FACTS = `
WITH ev AS (
  SELECT case_id, version, type, json, json_extract(json, '$.occurredOn') AS day FROM events
),
upto AS (SELECT * FROM ev WHERE day <= :asOf),
latest AS (
  SELECT case_id, type, json, ROW_NUMBER() OVER (PARTITION BY case_id, kind ORDER BY version DESC) AS n, kind FROM (
    SELECT *, CASE
      WHEN type IN ('CaseOpened','PhaseAdvanced','PhaseSteppedBack','Reunified','BrokeDown','CaseTransferred','CaseClosed','CaseReopened') THEN 'phase'
    END AS kind FROM upto
    UNION ALL SELECT *, 'status' FROM upto WHERE type IN ('CaseOpened','CaseClosed','CaseReopened')
    UNION ALL SELECT *, 'placement' FROM upto WHERE type IN ('CaseOpened','Reunified','Placed','BrokeDown','CaseReopened')
    UNION ALL SELECT *, 'worker' FROM upto WHERE type IN ('CaseOpened','WorkerAssigned')
      OR (type = 'CaseTransferred' AND json_extract(json, '$.toSocialWorkerId') IS NOT NULL)
  ) WHERE kind IS NOT NULL
),
atSince AS (
  SELECT case_id, type, json, ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY version DESC) AS n FROM ev
  WHERE day <= :since AND type IN ('CaseOpened','PhaseAdvanced','PhaseSteppedBack','Reunified','BrokeDown','CaseTransferred','CaseClosed','CaseReopened')
)
SELECT o.case_id AS caseId,
  json_extract(o.json, '$.institutionId') AS origin,
  (SELECT type FROM latest l WHERE l.case_id = o.case_id AND kind = 'phase' AND n = 1) AS phaseType,
  (SELECT json_extract(json, '$.to.phase') FROM latest l WHERE l.case_id = o.case_id AND kind = 'phase' AND n = 1) AS phaseTo,
  (SELECT json_extract(json, '$.placement.since') FROM latest l WHERE l.case_id = o.case_id AND kind = 'phase' AND n = 1) AS reunifiedOn,
  (SELECT type FROM latest l WHERE l.case_id = o.case_id AND kind = 'status' AND n = 1) AS statusType,
  (SELECT json_extract(json, '$.closureReason') FROM latest l WHERE l.case_id = o.case_id AND kind = 'status' AND n = 1) AS reason,
  (SELECT json_extract(json, '$.placement.type') FROM latest l WHERE l.case_id = o.case_id AND kind = 'placement' AND n = 1) AS placementType,
  (SELECT json_extract(json, '$.placement.householdId') FROM latest l WHERE l.case_id = o.case_id AND kind = 'placement' AND n = 1) AS householdId,
  (SELECT json_extract(json, '$.placement.institutionId') FROM latest l WHERE l.case_id = o.case_id AND kind = 'placement' AND n = 1) AS placementInstitution,
  (SELECT COALESCE(json_extract(json, '$.toSocialWorkerId'), json_extract(json, '$.socialWorkerId')) FROM latest l WHERE l.case_id = o.case_id AND kind = 'worker' AND n = 1) AS worker,
  (SELECT type FROM atSince s WHERE s.case_id = o.case_id AND n = 1) AS sinceType,
  (SELECT json_extract(json, '$.to.phase') FROM atSince s WHERE s.case_id = o.case_id AND n = 1) AS sinceTo,
  (SELECT COUNT(*) FROM upto u WHERE u.case_id = o.case_id AND type = 'BrokeDown') AS breakdowns,
  (SELECT COUNT(*) FROM upto u WHERE u.case_id = o.case_id AND type = 'Reunified') AS reunifications,
  (SELECT COUNT(*) FROM upto u WHERE u.case_id = o.case_id AND type = 'Reunified' AND day >= :since) AS returnedSince,
  (SELECT json_group_array(json_extract(json, '$.visit.date')) FROM upto u WHERE u.case_id = o.case_id AND type = 'MonitoringVisitRecorded') AS visits
FROM upto o WHERE o.type = 'CaseOpened'
ORDER BY o.case_id`

const HOUSEHOLDS = `
SELECT json_extract(json, '$.household.id') AS id, json_extract(json, '$.household.location.province') AS province,
  json_extract(json, '$.household.location.district') AS district, case_id AS caseId
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY case_id, json_extract(json, '$.household.id') ORDER BY version DESC) AS n
      FROM events WHERE type = 'FamilyTraced' AND json_extract(json, '$.occurredOn') <= :asOf) WHERE n = 1`

interface Facts {
  caseId: string
  origin: string
  phaseType: string
  phaseTo: string | null
  reunifiedOn: string | null
  statusType: string
  reason: string | null
  placementType: string | null
  householdId: string | null
  placementInstitution: string | null
  worker: string
  sinceType: string | null
  sinceTo: string | null
  breakdowns: number
  reunifications: number
  returnedSince: number
  visits: string
}

const phaseOf = (type: string | null, to: string | null): string | undefined =>
  type === null
    ? undefined
    : ((
        {
          CaseOpened: "intake",
          Reunified: "reunified",
          BrokeDown: "returned-to-care",
          CaseTransferred: "transferred",
          CaseClosed: "closed",
          CaseReopened: "assessment"
        } as Record<string, string>
      )[type] ??
      to ??
      undefined)

/** Add calendar months, clamped to the month's end (the monitoring period). */
const addMonths = (iso: string, months: number): number => {
  const [y, m, dd] = iso.slice(0, 10).split("-").map(Number) as [number, number, number]
  const total = m - 1 + months
  const year = y + Math.floor(total / 12)
  const month = total % 12
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return Date.UTC(year, month, Math.min(dd, last))
}

/** Plain counting over the SQL facts (matching visits to the profile's plan as the monitoring rule states it). */
const recount = (
  facts: ReadonlyArray<Facts>,
  hh: ReadonlyArray<{ id: string; caseId: string; province: string; district: string | null }>,
  asOf: Date
) => {
  const asOfMs = asOf.getTime()
  const households = new Map(hh.map((h) => [`${h.caseId}/${h.id}`, h]))
  const inst = new Map(institutions.map((i) => [i.id, i]))
  return facts.map((f) => {
    const status = f.statusType === "CaseClosed" ? "closed" : "open"
    const phase = phaseOf(f.phaseType, f.phaseTo)!
    const transferred = status === "open" && phase === "transferred"
    const family = f.placementType !== null && FAMILY.has(f.placementType)
    const situation = status === "closed" ? 3 : transferred ? 2 : family ? 1 : 0
    const reunifiedOpen = status === "open" && phase === "reunified"
    let monitoring: number | undefined
    if (reunifiedOpen) {
      const start = f.reunifiedOn!
      const plan = Monitoring.monitoringPlan(new Date(`${start.slice(0, 10)}T00:00:00Z`), profile)
      const end = addMonths(start, 36)
      if (asOfMs >= end) monitoring = 3
      else {
        const visits = (JSON.parse(f.visits) as Array<string>)
          .map((v) => Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v))
          .sort((a, b) => a - b)
        let j = 0
        let lower = Date.parse(`${start.slice(0, 10)}T00:00:00Z`) - 1
        let due = 0
        let missed = 0
        for (const p of plan) {
          while (j < visits.length && visits[j]! <= lower) j++
          lower = p.due.getTime()
          if (j < visits.length && visits[j]! <= asOfMs && visits[j]! <= p.windowEnd.getTime()) {
            j++
            continue
          }
          if (p.due.getTime() > asOfMs) break
          if (asOfMs <= p.windowEnd.getTime()) due++
          else missed++
        }
        monitoring = missed > 0 ? 2 : due > 0 ? 1 : 0
      }
    }
    const sincePhase = phaseOf(f.sinceType, f.sinceTo)
    const cohort = !transferred && sincePhase !== undefined && IN_CARE.has(sincePhase)
    const home = (reunifiedOpen && family) || (status === "closed" && f.reason === "reintegration-complete")
    const h = f.householdId === null ? undefined : households.get(`${f.caseId}/${f.householdId}`)
    const loc =
      h !== undefined
        ? { province: h.province, district: h.district ?? undefined }
        : (inst.get(f.placementInstitution ?? f.origin)?.location ?? inst.get(f.origin)?.location)
    return {
      situation,
      placement: f.placementType,
      phase: status === "closed" ? "closed" : transferred ? "transferred" : phase,
      monitoring,
      cohort,
      returnedSince: f.returnedSince > 0,
      home,
      transferred,
      worker: status === "open" && !transferred ? f.worker : undefined,
      reason: status === "closed" ? f.reason : undefined,
      breakdowns: f.breakdowns,
      origin: f.origin,
      province: loc?.province ?? "(unknown)",
      district: loc?.district ?? "(unknown)"
    }
  })
}

const table = (r: Report.AggregateReport, id: string) => r.sections.flatMap((s) => s.tables).find((t) => t.id === id)!

const writeStore = async (gs: ReadonlyArray<GeneratedCase>) => {
  const store = await openSqliteStore(join(dir, `p${n++}.sqlite`), { synchronous: "NORMAL" })
  for (const g of gs) {
    const r = await store.append(g.caseId, 0, g.events)
    expect(r._tag).toBe("Appended")
  }
  return store
}

describe("[issue 19] the report recounted from the raw events in SQL", () => {
  test.prop([programme(1, 40), reportDay, fc.integer({ min: 30, max: 900 })], { numRuns: 25 })(
    "every figure the issue names: cohort and readings, transfers, monitoring complete, due/overdue, closures by reason, institution of origin vs where children live",
    async (gs, asOf, back) => {
      const since = new Date(Math.floor((asOf.getTime() - back * DAY) / DAY) * DAY)
      const store = await writeStore(gs)
      try {
        const sinceDay = since.toISOString().slice(0, 10)
        const asOfDay = asOf.toISOString().slice(0, 10)
        const facts = store.db.prepare(FACTS).all({ asOf: asOfDay, since: sinceDay }) as Array<Facts>
        const hh = store.db.prepare(HOUSEHOLDS).all({ asOf: asOfDay }) as Array<{
          id: string
          caseId: string
          province: string
          district: string | null
        }>
        const c = recount(facts, hh, asOf)
        const events: Array<CaseEvent.CaseEvent> = []
        for await (const e of store.readAll()) events.push(e.event)
        const r = Report.aggregate({ events, institutions, profile, asOf, since })
        const count = (p: (x: (typeof c)[number]) => boolean) => c.filter(p).length

        // the programme, the cohort, the readings
        expect(r.progress.baseline).toBe(c.length)
        const byId = Object.fromEntries(r.progress.readings.map((x) => [x.id, x]))
        const counted = count((x) => !x.transferred)
        expect(byId["target-cohort"]).toMatchObject({
          denominator: count((x) => x.cohort),
          numerator: count((x) => x.cohort && x.returnedSince && x.home)
        })
        expect(byId["all-returned-since"]).toMatchObject({
          denominator: counted,
          numerator: count((x) => !x.transferred && x.returnedSince && x.home)
        })
        expect(byId["all-at-home"]).toMatchObject({
          denominator: counted,
          numerator: count((x) => !x.transferred && x.home)
        })
        expect(r.progress.returnedSince).toBe(count((x) => x.returnedSince))
        // transfers: their own column, out of the caseload and of the residential column
        expect(r.progress.transferred).toBe(count((x) => x.transferred))
        expect(table(r, "province").columnTotals).toEqual([0, 1, 2, 3].map((s) => count((x) => x.situation === s)))
        const caseload = table(r, "caseload")
        const workers = [...new Set(c.flatMap((x) => (x.worker === undefined ? [] : [x.worker])))].sort()
        expect(caseload.rows).toEqual(workers)
        expect(caseload.cells.map((row) => row[0])).toEqual(workers.map((w) => count((x) => x.worker === w)))
        // monitoring complete, due within window, overdue past window (children)
        expect(r.progress.monitoringComplete).toBe(count((x) => x.monitoring === 3))
        expect(r.progress.underFollowUp).toBe(count((x) => x.monitoring !== undefined && x.monitoring !== 3))
        const mon = table(r, "monitoring")
        expect(mon.rows).toEqual(workers)
        expect(mon.cells).toEqual(
          workers.map((w) => [0, 1, 2, 3].map((m) => count((x) => x.worker === w && x.monitoring === m)))
        )
        // closures by reason
        const closures = table(r, "closures")
        const reasons = [
          "reintegration-complete",
          "transferred",
          "moved-cannot-be-found",
          "repatriated",
          "died",
          "became-adult",
          "refused-services",
          "no-longer-needs-support",
          "breakdown"
        ]
        expect(closures.cells.map((row) => row[0])).toEqual(reasons.map((why) => count((x) => x.reason === why)))
        // breakdowns (events) and the pipeline
        const breakdowns = r.sections.flatMap((s) => s.figures).find((f) => f.id === "breakdown-events")!
        expect(breakdowns.value).toBe(c.reduce((a, x) => a + x.breakdowns, 0))
        const pipeline = table(r, "pipeline").cells.map((row) => row[0])
        expect(pipeline[6]).toBe(count((x) => x.phase === "returned-to-care"))
        expect(pipeline[7]).toBe(count((x) => x.phase === "transferred"))
        expect(pipeline[8]).toBe(count((x) => x.phase === "closed"))
        // institution of origin vs where the children live now
        const perInst = table(r, "children-per-institution")
        const byName = new Map(institutions.map((i) => [i.name, i.id]))
        perInst.rows.forEach((row, i) => {
          const id = byName.get(row)
          const mine = c.filter((x) =>
            id === undefined ? !institutions.some((z) => z.id === x.origin) : x.origin === id
          )
          expect(perInst.cells[i]).toEqual([0, 1, 2, 3].map((s) => mine.filter((x) => x.situation === s).length))
        })
        const dist = table(r, "district")
        dist.rows.forEach((row, i) => {
          expect(dist.rowTotals[i]).toBe(count((x) => `${x.province} / ${x.district}` === row))
        })
        expect(dist.total).toBe(c.length)
      } finally {
        await store.close()
      }
    }
  )

  test("the SQL sees what the fold would not: an event after the report day is not counted", async () => {
    const [gs] = fc.sample(programme(20, 20), { seed: 3, numRuns: 1 })
    const store = await writeStore(gs!)
    try {
      const asOf = d("2016-06-30")
      const later = store.db
        .prepare("SELECT COUNT(*) FROM events WHERE json_extract(json, '$.occurredOn') > ?")
        .pluck()
        .get("2016-06-30") as number
      expect(later).toBeGreaterThan(0)
      const events: Array<CaseEvent.CaseEvent> = []
      for await (const e of store.readAll()) events.push(e.event)
      const r = Report.aggregate({ events, institutions, profile, asOf })
      const opened = store.db
        .prepare("SELECT COUNT(*) FROM events WHERE type = 'CaseOpened' AND json_extract(json, '$.occurredOn') <= ?")
        .pluck()
        .get("2016-06-30") as number
      expect(r.progress.baseline).toBe(opened)
    } finally {
      await store.close()
    }
  })
})
