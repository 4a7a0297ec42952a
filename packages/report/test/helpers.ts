/** Test helpers: generators of random programmes (case events carrying random sensitive strings), and a tiny PNG decoder. */
import { inflateSync } from "node:zlib"
import type { CaseEvent, Institution } from "@homeward/core"
import fc from "fast-check"

const DAY = 86_400_000
export const d = (s: string): Date => new Date(`${s}T00:00:00Z`)

/** A random "sensitive" string that cannot occur in a report by chance. */
export const secret: fc.Arbitrary<string> = fc.stringMatching(/^[A-Z]{12}$/).map((s) => `Zq${s}`)
/** A random id that cannot occur in a report by chance. */
export const rid = (prefix: string): fc.Arbitrary<string> =>
  fc.stringMatching(/^[a-f0-9]{10}$/).map((s) => `${prefix}${s}`)

export const PROVINCES = ["Siem Reap", "Battambang", "Phnom Penh"] as const
export const WORKERS = ["sw-1", "sw-2", "sw-3", "sw-4"] as const

export const institutions: ReadonlyArray<Institution.Institution> = [
  {
    id: "RCI-1",
    name: "Green Gecko",
    kind: "residential-care",
    status: "transitioned",
    location: { province: "Siem Reap", district: "Siem Reap" }
  },
  {
    id: "RCI-2",
    name: "Sunrise Home",
    kind: "residential-care",
    status: "closed",
    closureReason: "minimum-standards-not-met",
    closedOn: d("2016-06-30"),
    location: { province: "Siem Reap", district: "Puok" }
  },
  {
    id: "RCI-3",
    name: "Lotus House",
    kind: "residential-care",
    status: "operating",
    location: { province: "Battambang", district: "Sangkae" }
  },
  {
    id: "RCI-4",
    name: "River Centre",
    kind: "residential-care",
    status: "transitioning",
    location: { province: "Phnom Penh" }
  }
]

const FAMILY_TYPES = ["parents", "kinship", "foster", "community-based", "independent-living"] as const
const ANY_TYPES = [...FAMILY_TYPES, "residential-care", "transitional-shelter", "other-residential"] as const
const REASONS = [
  "reintegration-complete",
  "reintegration-complete",
  "reintegration-complete",
  "transferred",
  "moved-cannot-be-found",
  "repatriated",
  "died",
  "became-adult",
  "refused-services",
  "no-longer-needs-support",
  "breakdown"
] as const
const STEP_KINDS = [
  "advance",
  "advance",
  "advance",
  "advance",
  "trace",
  "reunify",
  "visit",
  "visit",
  "visit",
  "visits",
  "visits",
  "breakdown",
  "breakdown",
  "transfer",
  "close",
  "close",
  "reopen",
  "placed",
  "assign",
  "stepBack"
] as const

/** A random case of a random programme: its events (valid one by one), the sensitive strings they carry and ids. */
export interface GeneratedCase {
  readonly caseId: string
  readonly events: ReadonlyArray<CaseEvent.CaseEvent>
  readonly secrets: ReadonlyArray<string>
  readonly ids: ReadonlyArray<string>
}

/**
 * A random case history: opened between 2015 and 2018 in one of four
 * institutions (or an unknown one), then a random walk of plausible steps
 * (advance, trace the family, reunify, monitoring visits, breakdown, transfer,
 * close for any reason, reopen, another placement, another worker, a step
 * back), dated in order. Sensitive strings go in every sensitive field.
 */
export const caseHistory = (n: number): fc.Arbitrary<GeneratedCase> =>
  fc
    .record({
      tag: fc.stringMatching(/^[a-f0-9]{8}$/),
      names: fc.array(secret, { minLength: 10, maxLength: 10 }),
      opened: fc.integer({ min: Date.UTC(2015, 0, 1) / DAY, max: Date.UTC(2018, 9, 1) / DAY }),
      institution: fc.constantFrom("RCI-1", "RCI-2", "RCI-3", "RCI-4", "RCI-X"),
      worker: fc.constantFrom(...WORKERS),
      province: fc.constantFrom(...PROVINCES),
      district: fc.option(fc.constantFrom("North", "South", "East"), { nil: undefined, freq: 5 }),
      steps: fc.array(
        fc.record({
          kind: fc.constantFrom(...STEP_KINDS),
          gap: fc.oneof(
            { weight: 1, arbitrary: fc.constant(0) },
            { weight: 6, arbitrary: fc.integer({ min: 1, max: 120 }) },
            { weight: 2, arbitrary: fc.integer({ min: 120, max: 500 }) }
          ),
          pick: fc.nat({ max: 1000 })
        }),
        { maxLength: 14 }
      )
    })
    .map((g) => {
      const caseId = `CASE${g.tag}${n}`
      const childId = `CHX${g.tag}${n}`
      const hh = `HHX${g.tag}${n}`
      const [given, family, needs, member, village, address, phone, notes, visitNotes, why] = g.names as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
      const events: Array<CaseEvent.CaseEvent> = []
      let day = g.opened
      let worker: string = g.worker
      const push = (type: string, fields: Record<string, unknown>) => {
        const on = new Date(day * DAY)
        events.push({
          type,
          eventId: `${caseId}#${events.length + 1}`,
          caseId,
          occurredOn: on,
          recordedAt: new Date(on.getTime() + 9 * 3_600_000),
          actor: { id: worker, role: "social-worker" },
          ...fields
        } as unknown as CaseEvent.CaseEvent)
      }
      const OTHER = ["RCI-1", "RCI-2", "RCI-3", "RCI-4", "RCI-X"] as const
      // Back in care: mostly the institution of origin, sometimes another one.
      const residential = (on: Date, pick = 0) => ({
        type: "residential-care",
        since: on,
        institutionId: pick % 4 === 3 ? OTHER[pick % OTHER.length]! : g.institution
      })
      push("CaseOpened", {
        child: {
          id: childId,
          givenName: given,
          familyName: family,
          specialNeeds: needs,
          birth: { date: new Date(Date.UTC(2008, 0, 1)), estimated: true },
          sex: "female",
          school: "enrolled"
        },
        institutionId: g.institution,
        agencyId: "AG-1",
        socialWorkerId: worker,
        admissionReasons: ["poverty"],
        placement: residential(new Date(day * DAY))
      })
      const PRE = ["intake", "assessment", "preparation", "gradual-contact"] as const
      let phase: string = "intake"
      let status: "open" | "closed" = "open"
      let traced = false
      let visits = 0
      for (const st of g.steps) {
        day += st.gap
        const on = new Date(day * DAY)
        const inPre = (PRE as ReadonlyArray<string>).includes(phase) || phase === "returned-to-care"
        switch (st.kind) {
          case "advance":
            if (status !== "open") break
            if (phase === "gradual-contact" || phase === "returned-to-care") {
              const type = FAMILY_TYPES[st.pick % FAMILY_TYPES.length]!
              push("Reunified", { placement: { type, since: on, ...(traced ? { householdId: hh } : {}) } })
              phase = "reunified"
            } else if (inPre) {
              const i = PRE.indexOf(phase as (typeof PRE)[number])
              const to = PRE[i + 1]!
              push("PhaseAdvanced", {
                from: { phase },
                to: to === "gradual-contact" ? { phase: to, step: "s1" } : { phase: to },
                ...(st.pick % 7 === 0 ? { override: { approvedBy: "mgr-1", justification: why } } : {})
              })
              phase = to
            }
            break
          case "trace":
            push("FamilyTraced", {
              household: {
                id: hh,
                members: [{ id: `${hh}-m1`, name: member, relationship: "parent", primaryCaregiver: true }],
                location: {
                  province: g.province,
                  ...(g.district === undefined ? {} : { district: g.district }),
                  commune: "C",
                  village,
                  address
                },
                contact: { phone },
                housing: "suitable",
                livelihood: "stable",
                tracing: "traced",
                notes
              }
            })
            traced = true
            break
          case "reunify":
            if (status !== "open" || !inPre) break
            push("Reunified", {
              placement: {
                type: FAMILY_TYPES[st.pick % FAMILY_TYPES.length]!,
                since: on,
                ...(traced ? { householdId: hh } : {})
              }
            })
            phase = "reunified"
            break
          case "visit":
          case "visits": {
            if (status !== "open" || phase !== "reunified") break
            const count = st.kind === "visit" ? 1 : 1 + (st.pick % 6)
            for (let k = 0; k < count; k++) {
              if (k > 0) day += 7 + (st.pick % 25)
              push("MonitoringVisitRecorded", {
                visit: {
                  id: `v-${++visits}`,
                  date: new Date(day * DAY),
                  visitorId: worker,
                  criteria: { health: "A", education: "A", food: "A", relationship: "A", safety: "A" },
                  childSeen: true,
                  closureRecommended: false,
                  notes: visitNotes
                }
              })
            }
            break
          }
          case "breakdown":
            if (status !== "open" || phase !== "reunified") break
            push("BrokeDown", { placement: residential(on, st.pick) })
            phase = "returned-to-care"
            break
          case "transfer":
            if (status !== "open" || phase === "transferred") break
            push("CaseTransferred", { toAgencyId: "AG-2", ...(st.pick % 2 === 0 ? { toSocialWorkerId: "sw-P1" } : {}) })
            phase = "transferred"
            break
          case "close":
            if (status !== "open") break
            push("CaseClosed", {
              closureReason:
                phase === "reunified" && st.pick % 3 !== 0
                  ? "reintegration-complete"
                  : phase === "returned-to-care" && st.pick % 3 === 0
                    ? "breakdown"
                    : REASONS[st.pick % REASONS.length]!,
              reason: why
            })
            status = "closed"
            phase = "closed"
            break
          case "reopen":
            if (status !== "closed") break
            push("CaseReopened", { placement: residential(on, st.pick) })
            status = "open"
            phase = "assessment"
            break
          case "placed":
            if (status !== "open") break
            push("Placed", {
              placement: {
                type: ANY_TYPES[st.pick % ANY_TYPES.length]!,
                since: on,
                ...(traced && st.pick % 2 === 0
                  ? { householdId: hh }
                  : { institutionId: OTHER[st.pick % OTHER.length]! })
              }
            })
            break
          case "assign":
            worker = WORKERS[st.pick % WORKERS.length]!
            push("WorkerAssigned", { socialWorkerId: worker })
            break
          case "stepBack":
            if (status !== "open" || (phase !== "preparation" && phase !== "gradual-contact")) break
            push("PhaseSteppedBack", { from: { phase }, to: { phase: "assessment" }, concern: "Concern" })
            phase = "assessment"
            break
        }
      }
      return { caseId, events, secrets: g.names, ids: [caseId, childId, hh] }
    })

/** A random programme of `min`..`max` cases. */
export const programme = (min = 0, max = 60): fc.Arbitrary<ReadonlyArray<GeneratedCase>> =>
  fc
    .integer({ min, max })
    .chain(
      (n): fc.Arbitrary<ReadonlyArray<GeneratedCase>> =>
        n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => caseHistory(i)))
    )

/** A random report day (and start day before it) within the programmes' span. */
export const reportDay = fc
  .integer({ min: Date.UTC(2015, 2, 1) / DAY, max: Date.UTC(2020, 0, 1) / DAY })
  .map((x) => new Date(x * DAY))

/** All events of a programme, case after case. */
export const eventsOf = (gs: ReadonlyArray<GeneratedCase>): Array<CaseEvent.CaseEvent> => gs.flatMap((g) => g.events)

// ---------------------------------------------------------------------------
// PNG (8-bit RGB / RGBA, non-interlaced: what Chromium writes)

export interface Image {
  readonly width: number
  readonly height: number
  /** RGBA, 4 bytes per pixel. */
  readonly rgba: Uint8Array
}

export const decodePng = (buf: Uint8Array): Image => {
  const b = Buffer.from(buf)
  let o = 8
  let width = 0
  let height = 0
  let colorType = 0
  const idat: Array<Buffer> = []
  while (o < b.length) {
    const len = b.readUInt32BE(o)
    const type = b.toString("ascii", o + 4, o + 8)
    const data = b.subarray(o + 8, o + 8 + len)
    if (type === "IHDR") {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      if (data[8] !== 8 || data[12] !== 0) throw new Error("unsupported PNG")
      colorType = data[9]!
    } else if (type === "IDAT") idat.push(data)
    o += 12 + len
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0
  if (bpp === 0) throw new Error("unsupported PNG colour type")
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * bpp
  const out = new Uint8Array(width * height * 4)
  let prev = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    const cur = new Uint8Array(stride)
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? cur[x - bpp]! : 0
      const up = prev[x]!
      const c = x >= bpp ? prev[x - bpp]! : 0
      const v = line[x]!
      let r: number
      if (f === 0) r = v
      else if (f === 1) r = v + a
      else if (f === 2) r = v + up
      else if (f === 3) r = v + ((a + up) >> 1)
      else {
        const p = a + up - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - up)
        const pc = Math.abs(p - c)
        r = v + (pa <= pb && pa <= pc ? a : pb <= pc ? up : c)
      }
      cur[x] = r & 255
    }
    for (let x = 0; x < width; x++) {
      out[(y * width + x) * 4] = cur[x * bpp]!
      out[(y * width + x) * 4 + 1] = cur[x * bpp + 1]!
      out[(y * width + x) * 4 + 2] = cur[x * bpp + 2]!
      out[(y * width + x) * 4 + 3] = bpp === 4 ? cur[x * bpp + 3]! : 255
    }
    prev = cur
  }
  return { width, height, rgba: out }
}
