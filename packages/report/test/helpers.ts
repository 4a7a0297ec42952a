/** Test helpers: generators of case states carrying random sensitive strings, and a tiny PNG decoder. */
import { inflateSync } from "node:zlib"
import type { CaseState, Household, Institution } from "@homeward/core"
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

const PLACEMENTS = [
  "residential-care",
  "transitional-shelter",
  "parents",
  "kinship",
  "foster",
  "community-based",
  "independent-living",
  "other-residential"
] as const
const PHASES = [
  "intake",
  "assessment",
  "preparation",
  "gradual-contact",
  "reunified",
  "returned-to-care",
  "transferred",
  "closed"
] as const

export interface Generated {
  readonly state: CaseState.CaseState
  readonly secrets: ReadonlyArray<string>
  readonly ids: ReadonlyArray<string>
  readonly household?: Household.Household
}

/** A case state (plausible, not necessarily reachable) with sensitive strings in every sensitive field. */
export const caseState: fc.Arbitrary<Generated> = fc
  .record({
    caseId: rid("CASE"),
    childId: rid("CHX"),
    hhId: rid("HHX"),
    names: fc.array(secret, { minLength: 9, maxLength: 9 }),
    opened: fc.integer({ min: Date.UTC(2016, 0, 1) / DAY, max: Date.UTC(2017, 0, 1) / DAY }),
    reunifyAfter: fc.integer({ min: 30, max: 300 }),
    institution: fc.constantFrom("RCI-1", "RCI-2", "RCI-3", "RCI-4", "RCI-X"),
    worker: fc.option(fc.constantFrom(...WORKERS), { nil: undefined, freq: 8 }),
    placement: fc.constantFrom(...PLACEMENTS),
    phase: fc.constantFrom(...PHASES),
    province: fc.constantFrom(...PROVINCES),
    district: fc.option(fc.constantFrom("North", "South"), { nil: undefined }),
    breakdowns: fc.integer({ min: 0, max: 2 }),
    hasHousehold: fc.boolean(),
    visits: fc.integer({ min: 0, max: 12 }),
    closure: fc.constantFrom("reintegration-complete", "breakdown", "transferred", "became-adult")
  })
  .map((g) => {
    const [given, family, needs, member, village, address, phone, notes, justification] = g.names as [
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
    const openedOn = new Date(g.opened * DAY)
    const reunifiedOn = new Date((g.opened + g.reunifyAfter) * DAY)
    const household: Household.Household = {
      id: g.hhId,
      members: [{ id: `${g.hhId}-m1`, name: member, relationship: "parent", primaryCaregiver: true }],
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
    const wasReunified = g.phase === "reunified" || g.phase === "returned-to-care" || g.phase === "closed"
    const status = g.phase === "closed" ? "closed" : "open"
    const family_based = ["parents", "kinship", "foster", "community-based", "independent-living"].includes(g.placement)
    const state: CaseState.CaseState = {
      caseId: g.caseId,
      version: 5,
      opened: true,
      status,
      child: {
        id: g.childId,
        givenName: given,
        familyName: family,
        specialNeeds: needs,
        birth: { date: new Date(Date.UTC(2008, 0, 1)), estimated: true },
        sex: "female",
        school: "enrolled"
      },
      institutionId: g.institution,
      agencyId: "AG-1",
      ...(g.worker === undefined ? {} : { socialWorkerId: g.worker }),
      openedOn,
      admissionReasons: ["poverty"],
      povertyOnly: true,
      placement: {
        type: g.placement,
        since: wasReunified ? reunifiedOn : openedOn,
        ...(family_based && g.hasHousehold ? { householdId: g.hhId } : { institutionId: g.institution })
      },
      phase: { phase: g.phase },
      phaseSince: wasReunified ? reunifiedOn : openedOn,
      phaseHistory: [
        { phase: { phase: "intake" }, from: openedOn, ...(wasReunified ? { to: reunifiedOn } : {}) },
        ...(wasReunified
          ? [
              {
                phase: { phase: "reunified" as const },
                from: reunifiedOn,
                override: { approvedBy: "mgr-1", justification }
              }
            ]
          : [])
      ],
      households: g.hasHousehold ? { [g.hhId]: household } : {},
      assessments: [],
      views: [],
      determinations: [],
      consents: {},
      contacts: [],
      incidents: {},
      supportPlans: [],
      payments: [],
      ...(g.phase === "reunified" ? { reunifiedOn } : {}),
      monitoringVisits: Array.from({ length: g.phase === "reunified" ? g.visits : 0 }, (_, i) => ({
        id: `${g.caseId}-v${i}`,
        date: new Date(reunifiedOn.getTime() + (i + 1) * 9 * DAY),
        visitorId: g.worker ?? "sw-1",
        criteria: { health: "A", education: "A", food: "A", relationship: "A", safety: "A" },
        childSeen: true,
        closureRecommended: false,
        notes
      })),
      closureAssessments: [],
      ...(status === "closed"
        ? { closure: { reason: g.closure, on: new Date(reunifiedOn.getTime() + 400 * DAY) } }
        : {}),
      breakdowns: g.phase === "returned-to-care" ? Math.max(1, g.breakdowns) : g.breakdowns,
      transfers: 0,
      safetyPlans: [],
      agreements: [],
      conferences: [],
      careExceptions: [],
      activities: [],
      referrals: [],
      eventDays: [],
      anomalies: []
    } as CaseState.CaseState
    return {
      state,
      secrets: g.names,
      ids: [g.caseId, g.childId, g.hhId],
      ...(g.hasHousehold ? { household } : {})
    }
  })

export const programme = (min = 0, max = 60) => fc.array(caseState, { minLength: min, maxLength: max })

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
