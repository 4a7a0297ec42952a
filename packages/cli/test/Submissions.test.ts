import { fc, test } from "@fast-check/vitest"
import { Registry, Validation } from "@homeward/core"
import { Arbitraries } from "@homeward/core/testing"
import { describe, expect, it } from "vitest"
import * as CollectionForm from "../src/CollectionForm.js"
import * as Submissions from "../src/Submissions.js"
import { complete } from "./formFixtures.js"

const csv = (rows: ReadonlyArray<ReadonlyArray<string>>) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n")

/**
 * A submission's answers written as ODK Central writes its CSV export
 * (Briefcase export format, docs/export-format.md in getodk/briefcase):
 * groups joined with `-`, one file per repeat linked by PARENT_KEY → KEY,
 * repeat headers without the groups around the repeat.
 */
const centralTables = (
  form: CollectionForm.Form,
  submissions: ReadonlyArray<{ readonly id: string; readonly answers: CollectionForm.Answers }>
) => {
  const main: Array<Record<string, string>> = []
  const repeats: Record<string, Array<Record<string, string>>> = {}
  const flatten = (
    qs: ReadonlyArray<CollectionForm.Question>,
    a: CollectionForm.Answers,
    prefix: ReadonlyArray<string>,
    out: Record<string, string>,
    key: string,
    repeatPrefix: ReadonlyArray<string>
  ) => {
    for (const q of qs) {
      const v = a[q.name]
      if (q.kind === "group") {
        flatten(q.children, (v ?? {}) as CollectionForm.Answers, [...prefix, q.name], out, key, [
          ...repeatPrefix,
          q.name
        ])
      } else if (q.kind === "repeat") {
        const name = [...repeatPrefix, q.name].join("-")
        const file = `${form.id}-${name}.csv`
        const table = repeats[file] ?? []
        repeats[file] = table
        ;((v ?? []) as ReadonlyArray<CollectionForm.Answers>).forEach((item, i) => {
          const row: Record<string, string> = {}
          const k = `${key}/${q.name}[${i + 1}]`
          flatten(q.children, item, [], row, k, [...repeatPrefix, q.name])
          table.push({ ...row, PARENT_KEY: key, KEY: k, [`SET-OF-${q.name}`]: `${key}/${q.name}` })
        })
        out[`SET-OF-${name}`] = `${key}/${q.name}`
      } else out[[...prefix, q.name].join("-")] = typeof v === "string" ? v : ""
    }
  }
  for (const s of submissions) {
    const row: Record<string, string> = { SubmissionDate: "2024-01-31T10:00:00.000Z" }
    flatten(form.questions, s.answers, [], row, s.id, [])
    main.push({ ...row, "meta-instanceID": s.id, KEY: s.id, SubmitterID: "5", SubmitterName: "enumerator" })
  }
  return { main, repeats }
}

/** A submission as KoboToolbox's API returns it (`/api/v2/assets/…/data.json`): group paths as keys. */
const koboJson = (
  qs: ReadonlyArray<CollectionForm.Question>,
  a: CollectionForm.Answers,
  prefix: ReadonlyArray<string>
) => {
  const out: Record<string, unknown> = {}
  for (const q of qs) {
    const v = a[q.name]
    const path = [...prefix, q.name]
    if (q.kind === "group") Object.assign(out, koboJson(q.children, (v ?? {}) as CollectionForm.Answers, path))
    else if (q.kind === "repeat") {
      const items = (v ?? []) as ReadonlyArray<CollectionForm.Answers>
      if (items.length > 0) out[path.join("/")] = items.map((item) => koboJson(q.children, item, path))
    } else if (typeof v === "string" && v !== "") out[path.join("/")] = v
  }
  return out
}

describe("Submissions: ODK Central CSV export (Briefcase format: groups joined with '-', repeats in their own file)", () => {
  it("child: the main file and the siblingIds file become one record per submission", () => {
    const main = csv([
      [
        "SubmissionDate",
        "id",
        "givenName",
        "birth-date",
        "birth-estimated",
        "birth-basis",
        "sex",
        "school",
        "SET-OF-siblingIds",
        "meta-instanceID",
        "KEY"
      ],
      [
        "2024-01-31T10:00:00Z",
        "CH-1",
        "Sokha",
        "2012-02-29",
        "true",
        "",
        "female",
        "enrolled",
        "uuid:a/siblingIds",
        "uuid:a",
        "uuid:a"
      ],
      [
        "2024-01-31T10:05:00Z",
        "CH-2",
        "",
        "2011-13-01",
        "false",
        "document",
        "girl",
        "enrolled",
        "uuid:b/siblingIds",
        "uuid:b",
        "uuid:b"
      ]
    ])
    const siblings = csv([
      ["item", "PARENT_KEY", "KEY", "SET-OF-siblingIds"],
      ["CH-3", "uuid:a", "uuid:a/siblingIds[2]", "uuid:a/siblingIds"],
      ["CH-2", "uuid:a", "uuid:a/siblingIds[1]", "uuid:a/siblingIds"]
    ])
    const read = Submissions.fromCsv("child", main, { "homeward_child-siblingIds.csv": siblings })
    expect(read.unknownFields).toEqual([])
    expect(read.missingFields).toEqual([])
    expect(read.columns["birth.date"]).toBe("birth-date")
    expect(read.submissions[0]).toEqual({
      row: 2,
      instanceId: "uuid:a",
      record: {
        id: "CH-1",
        givenName: "Sokha",
        birth: { date: "2012-02-29", estimated: true },
        sex: "female",
        school: "enrolled",
        siblingIds: ["CH-2", "CH-3"]
      }
    })
    const checked = Submissions.check("child", read)
    expect(checked[0]?.issues).toEqual([])
    expect(checked[1]?.issues.map((i) => [i.row, i.pathString, i.rule])).toEqual([
      [3, "birth.date", "IsoDate"],
      [3, "sex", "choice"]
    ])
  })

  it("names columns that are not questions, and required questions whose column is missing", () => {
    const read = Submissions.fromCsv(
      "child",
      csv([
        ["id", "Child name", "sex", "meta-instanceID", "KEY", "SubmitterName", "_id"],
        ["CH-1", "x", "male", "uuid:a", "uuid:a", "w", "1"]
      ])
    )
    expect(read.unknownFields).toEqual(["Child name"])
    expect(read.missingFields).toEqual(["birth.date", "birth.estimated", "school"])
  })
})

describe("Submissions: KoboToolbox exports (groups joined with '/')", () => {
  it("CSV with group prefixes (group/birth/date), a semicolon delimiter and a byte-order mark", () => {
    const text = `\uFEFF${[
      "start;end;group/id;group/birth/date;group/birth/estimated;group/sex;group/school;_id;_uuid;_submission_time",
      "2024-01-01;2024-01-01;CH-9;2015-06-30;false;male;not-school-age;11;u;2024"
    ].join("\n")}`
    const read = Submissions.fromCsv("child", text)
    expect(read.unknownFields).toEqual([])
    expect(read.submissions[0]?.record).toEqual({
      id: "CH-9",
      birth: { date: "2015-06-30", estimated: false },
      sex: "male",
      school: "not-school-age"
    })
  })

  it("CSV with a several-answer question as one column per choice (1/0), as KoboToolbox can export it", () => {
    const read = Submissions.fromCsv(
      "case",
      csv([
        [
          "id",
          "childId",
          "institutionId",
          "agencyId",
          "socialWorkerId",
          "openedOn",
          "admissionReasons/poverty",
          "admissionReasons/neglect",
          "admissionReasons/access-to-education",
          "placement/type",
          "placement/since"
        ],
        ["case-1", "CH-1", "RCI-1", "AG-1", "sw-1", "2019-01-15", "1", "0", "1", "residential-care", "2016-05-01"]
      ])
    )
    expect(read.unknownFields).toEqual([])
    expect(read.submissions[0]?.record["admissionReasons"]).toEqual(["poverty", "access-to-education"])
    expect(Submissions.check("case", read)[0]?.issues).toEqual([])
  })

  it("the XLS export's sheets as tables: each list's sheet linked by _parent_index → _index", () => {
    const read = Submissions.fromTables(
      "household",
      [
        {
          id: "HH-1",
          "location/province": "Kampot",
          housing: "suitable",
          livelihood: "stable",
          tracing: "traced",
          _index: "1"
        },
        {
          id: "HH-2",
          "location/province": "Kep",
          housing: "none",
          livelihood: "none",
          tracing: "not-found",
          _index: "2"
        }
      ],
      {
        members: [
          {
            "members/id": "HH-2-m1",
            "members/relationship": "parent",
            "members/primaryCaregiver": "true",
            _index: "1",
            _parent_index: "2",
            _parent_table_name: "homeward_household"
          },
          {
            "members/id": "HH-1-m1",
            "members/relationship": "grandparent",
            "members/primaryCaregiver": "false",
            _index: "2",
            _parent_index: "1",
            _parent_table_name: "homeward_household"
          }
        ]
      }
    )
    expect(read.unknownFields).toEqual([])
    expect(read.submissions.map((s) => s.record["members"])).toEqual([
      [{ id: "HH-1-m1", relationship: "grandparent", primaryCaregiver: false }],
      [{ id: "HH-2-m1", relationship: "parent", primaryCaregiver: true }]
    ])
  })

  it("JSON from the API ({ results }): group paths as keys, repeats with their whole path, system fields ignored", () => {
    const read = Submissions.fromJson("household", {
      count: 1,
      results: [
        {
          _id: 7,
          "formhub/uuid": "f",
          __version__: "v",
          "meta/instanceID": "uuid:h",
          id: "HH-1",
          members: [
            {
              "members/id": "HH-1-m1",
              "members/relationship": "parent",
              "members/primaryCaregiver": "true",
              "members/birthYear": "1980"
            }
          ],
          "location/province": "Siem Reap",
          housing: "suitable",
          livelihood: "stable",
          tracing: "traced",
          _attachments: []
        }
      ]
    })
    expect(read.unknownFields).toEqual([])
    expect(read.submissions).toEqual([
      {
        row: 1,
        instanceId: "uuid:h",
        record: {
          id: "HH-1",
          members: [{ id: "HH-1-m1", relationship: "parent", primaryCaregiver: true, birthYear: 1980 }],
          location: { province: "Siem Reap" },
          housing: "suitable",
          livelihood: "stable",
          tracing: "traced"
        }
      }
    ])
  })
})

describe("Submissions: ODK Central OData JSON ({ value }, groups nested, repeats inline with $expand=*)", () => {
  it("numbers and booleans typed, navigation links and __id / __system ignored", () => {
    const read = Submissions.fromJson("assessment", {
      "@odata.context": "x",
      value: [
        {
          __id: "uuid:z",
          __system: { submitterId: "5" },
          id: "as-1",
          kind: "child",
          date: "2019-02-01",
          assessorId: "sw-1",
          childWellbeing: { health: 4, education: 3, emotionalSocial: 3, safetyEnvironment: 2, nutrition: 4 },
          familyCapacity: {
            basicCare: null,
            safetyStability: null,
            emotionalBonding: null,
            economicCapacity: null,
            familyFunctioning: null,
            community: null
          },
          riskFactors: [{ __id: "r1", factor: "gambling", mitigation: "mitigated" }],
          "riskFactors@odata.navigationLink": "Submissions('uuid:z')/riskFactors",
          familyAcceptsServices: true,
          meta: { instanceID: "uuid:z" }
        }
      ]
    })
    expect(read.unknownFields).toEqual([])
    expect(read.submissions[0]).toEqual({
      row: 1,
      instanceId: "uuid:z",
      record: {
        id: "as-1",
        kind: "child",
        date: "2019-02-01",
        assessorId: "sw-1",
        childWellbeing: { health: 4, education: 3, emotionalSocial: 3, safetyEnvironment: 2, nutrition: 4 },
        riskFactors: [{ factor: "gambling", mitigation: "mitigated" }],
        familyAcceptsServices: true
      }
    })
    expect(Submissions.check("assessment", read)[0]?.issues).toEqual([])
  })

  it("anything but a list of submissions yields none, and says so", () => {
    expect(Submissions.fromJson("child", { hello: 1 })).toMatchObject({
      submissions: [],
      unknownFields: ["(not a list of submissions)"]
    })
  })
})

describe("Submissions: privacy (the attacker: a name typed into the id column, notes with mistakes)", () => {
  it("issues name the row, field and rule, never the value", () => {
    const secret = "Sokha Chan, house 12 near the pagoda"
    const read = Submissions.fromCsv(
      "household",
      csv([
        ["id", "location-province", "location-village", "housing", "livelihood", "tracing", "notes", "KEY"],
        [secret, secret, secret, "suitable", "stable", "traced", "   ", "uuid:s"]
      ])
    )
    const checked = Submissions.check("household", read)
    const issues = checked[0]?.issues ?? []
    expect(issues.map((i) => i.pathString)).toEqual(expect.arrayContaining(["id", "notes"]))
    expect(JSON.stringify(issues)).not.toContain("Sokha")
    expect(JSON.stringify(issues)).not.toContain("pagoda")
  })
})

const arbs: ReadonlyArray<readonly [Registry.RecordType, fc.Arbitrary<unknown>]> = [
  ["child", Arbitraries.child],
  ["household", Arbitraries.household()],
  ["assessment", Arbitraries.day.chain((d) => Arbitraries.assessment(d, 1))],
  ["child-views", Arbitraries.day.chain((d) => Arbitraries.views(d))],
  ["best-interest-determination", Arbitraries.day.chain((d) => Arbitraries.determination(d, 1))],
  ["consent", Arbitraries.day.chain((d) => Arbitraries.consent(d))],
  ["follow-up-visit", fc.tuple(Arbitraries.day, fc.nat(9)).chain(([d, n]) => Arbitraries.followUpVisit(d, n))],
  ["closure-assessment", fc.tuple(Arbitraries.day, fc.nat(9)).chain(([d, n]) => Arbitraries.closureAssessment(d, n))],
  ["support-plan", Arbitraries.day.chain((d) => Arbitraries.supportPlan(d))]
]

describe("Submissions: nothing lost between the form's answers and the export", () => {
  for (const [type, arb] of arbs) {
    const form = CollectionForm.make(type)
    const records = fc.oneof(
      arb.map((v) => Validation.encode(Registry.records[type], v as never) as Record<string, unknown>),
      fc.constant(complete[type] ?? {})
    )
    test.prop([fc.array(records, { minLength: 1, maxLength: 4 })], { numRuns: 40 })(
      `${type}: records → ODK Central CSV files and KoboToolbox JSON → the same records`,
      (rs) => {
        const subs = rs.map((r, i) => ({ id: `uuid:${i}`, answers: CollectionForm.fromRecord(form, r) }))
        const expected = rs.map((r) => CollectionForm.toRecord(form, CollectionForm.fromRecord(form, r)))
        const { main, repeats } = centralTables(form, subs)
        const fromCsv = Submissions.fromTables(type, main, repeats)
        expect(fromCsv.unknownFields).toEqual([])
        expect(fromCsv.submissions.map((s) => s.record)).toEqual(expected)
        expect(fromCsv.submissions.map((s) => s.instanceId)).toEqual(subs.map((s) => s.id))
        const fromJson = Submissions.fromJson(type, {
          results: subs.map((s) => koboJson(form.questions, s.answers, []))
        })
        expect(fromJson.unknownFields).toEqual([])
        expect(fromJson.submissions.map((s) => s.record)).toEqual(expected)
        for (const s of Submissions.check(type, fromCsv)) expect(s.issues).toEqual([])
      }
    )
  }
})
