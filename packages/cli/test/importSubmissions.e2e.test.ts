/**
 * `homeward import-submissions` on exports as ODK Central and KoboToolbox
 * write them (byte-order mark, CRLF, Khmer text, empty trailing columns,
 * the servers' own columns), and the attacker: sensitive values in invalid
 * answers, headers and field names never reach standard output or error.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import * as ImportSubmissions from "../src/ImportSubmissions.js"
import { json, run, tmp, write } from "./helpers.js"

let dir = ""
beforeAll(() => {
  dir = tmp()
})

const BOM = "\uFEFF"
const crlf = (lines: ReadonlyArray<string>) => `${lines.join("\r\n")}\r\n`

/** ODK Central "CSV file" export of the child form (groups joined with -, its own columns around the answers). */
const centralChild = BOM.concat(
  crlf([
    "SubmissionDate,id,givenName,familyName,birth-date,birth-estimated,birth-basis,sex,specialNeeds,school,meta-instanceID,KEY,SubmitterID,SubmitterName,AttachmentsPresent,AttachmentsExpected,Status,ReviewState,DeviceID,Edits,FormVersion",
    '2024-05-02T03:04:05.123Z,CH-1,សុខា,ចាន់,2012-02-29,false,document,female,,enrolled,uuid:0a1b2c3d-0000-4000-8000-000000000001,uuid:0a1b2c3d-0000-4000-8000-000000000001,5,Enumerator 1,0,0,,,collect:abc,0,"1a2b3c4d"',
    '2024-05-02T03:09:05.123Z,CH-2,"Dara, Jr",Sok,2014-07-01,true,caregiver-report,male,"Needs glasses",not-enrolled,uuid:0a1b2c3d-0000-4000-8000-000000000002,uuid:0a1b2c3d-0000-4000-8000-000000000002,5,Enumerator 1,0,0,,,collect:abc,0,"1a2b3c4d"'
  ])
)

/** KoboToolbox CSV export (XML values and headers, groups in headers with /, `;` delimiter, empty trailing columns). */
const koboChild = crlf([
  "start;end;id;givenName;familyName;birth/date;birth/estimated;birth/basis;sex;school;__version__;meta/instanceID;_id;_uuid;_submission_time;_validation_status;_notes;_status;_submitted_by;_tags;_index;;",
  "2024-05-02T10:00:00.000+07:00;2024-05-02T10:05:00.000+07:00;CH-3;ស្រីមុំ;គឹម;2011-12-31;false;document;female;enrolled;vGq5;uuid:9f8e7d6c-0000-4000-8000-000000000003;101;9f8e7d6c-0000-4000-8000-000000000003;2024-05-02T03:05:00;;;submitted_via_web;;;1;;"
])

/** ODK Central export of the household form: the main CSV and its repeat's CSV (KEY / PARENT_KEY). */
const centralHousehold = BOM.concat(
  crlf([
    "SubmissionDate,id,location-province,location-district,location-commune,location-village,location-address,contact-phone,contact-other,housing,livelihood,tracing,notes,kind,label,meta-instanceID,KEY",
    "2024-05-03T01:00:00.000Z,HH-1,សៀមរាប,Puok,Puok,Village 3,House 12,012 345 678,,suitable,stable,traced,,kinship,Grandmother's home,uuid:hh-1,uuid:hh-1"
  ])
)
const centralMembers = BOM.concat(
  crlf([
    "id,name,relationship,primaryCaregiver,birthYear,PARENT_KEY,KEY",
    "HH-1-m1,យាយ ដារ៉ា,grandparent,true,1960,uuid:hh-1,uuid:hh-1/members[1]",
    "HH-1-m2,Pisey,aunt-uncle,false,1985,uuid:hh-1,uuid:hh-1/members[2]"
  ])
)

describe("homeward import-submissions: ODK Central and KoboToolbox exports", () => {
  it("ODK Central CSV (BOM, CRLF, Khmer names, quoted commas): records out, the servers' columns ignored, exit 0", () => {
    write(dir, "homeward_child.csv", centralChild)
    const r = run(
      ["import-submissions", "homeward_child.csv", "--as", "child", "--as-of", "2024-06-30", "--out", "children.jsonl"],
      dir
    )
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("2 of 2 submissions written to children.jsonl as child records")
    const records = readFileSync(join(dir, "children.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
    expect(records).toEqual([
      {
        id: "CH-1",
        givenName: "សុខា",
        familyName: "ចាន់",
        birth: { date: "2012-02-29", estimated: false, basis: "document" },
        sex: "female",
        school: "enrolled"
      },
      {
        id: "CH-2",
        givenName: "Dara, Jr",
        familyName: "Sok",
        birth: { date: "2014-07-01", estimated: true, basis: "caregiver-report" },
        sex: "male",
        specialNeeds: "Needs glasses",
        school: "not-enrolled"
      }
    ])
  })

  it("KoboToolbox CSV (; delimiter, group/field headers, _id _uuid _submission_time __version__, empty trailing columns)", () => {
    write(dir, "kobo_child.csv", koboChild)
    const r = run(["import-submissions", "kobo_child.csv", "--as", "child", "--as-of", "2024-06-30"], dir)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({
      id: "CH-3",
      givenName: "ស្រីមុំ",
      familyName: "គឹម",
      birth: { date: "2011-12-31", estimated: false, basis: "document" },
      sex: "female",
      school: "enrolled"
    })
    // without --out, the report goes to standard error
    expect(r.stderr).toMatch(/no problems|0 errors|OK/i)
  })

  it("ODK Central CSV of a form with repeats: the repeat's CSV next to it is read, linked by KEY / PARENT_KEY", () => {
    write(dir, "homeward_household.csv", centralHousehold)
    write(dir, "homeward_household-members.csv", centralMembers)
    const r = run(["import-submissions", "homeward_household.csv", "--as", "household", "--as-of", "2024-06-30"], dir)
    expect(r.code).toBe(0)
    const hh = JSON.parse(r.stdout)
    expect(hh.members).toEqual([
      { id: "HH-1-m1", name: "យាយ ដារ៉ា", relationship: "grandparent", primaryCaregiver: true, birthYear: 1960 },
      { id: "HH-1-m2", name: "Pisey", relationship: "aunt-uncle", primaryCaregiver: false, birthYear: 1985 }
    ])
    expect(hh.location).toEqual({
      province: "សៀមរាប",
      district: "Puok",
      commune: "Puok",
      village: "Village 3",
      address: "House 12"
    })
  })

  it("ODK Central OData JSON ({ value: [...] }, groups nested, repeats inline) and KoboToolbox JSON ({ results: [...] }, group/field keys)", () => {
    write(
      dir,
      "central.json",
      JSON.stringify({
        "@odata.context": "https://central.example/v1/projects/1/forms/homeward_household.svc/$metadata#Submissions",
        value: [
          {
            __id: "uuid:hh-2",
            id: "HH-2",
            members: [{ __id: "m1", id: "HH-2-m1", name: "Sophea", relationship: "parent", primaryCaregiver: true }],
            location: { province: "Battambang" },
            contact: { phone: null, other: null },
            housing: "needs-improvement",
            livelihood: "irregular",
            tracing: "traced",
            meta: { instanceID: "uuid:hh-2" },
            __system: { submissionDate: "2024-05-03T01:00:00.000Z", reviewState: null }
          }
        ]
      })
    )
    const central = run(["import-submissions", "central.json", "--as", "household", "--as-of", "2024-06-30"], dir)
    expect(central.code).toBe(0)
    expect(JSON.parse(central.stdout)).toMatchObject({ id: "HH-2", members: [{ id: "HH-2-m1", name: "Sophea" }] })
    write(
      dir,
      "kobo.json",
      JSON.stringify({
        count: 1,
        results: [
          {
            _id: 7,
            _uuid: "c1",
            __version__: "vGq5",
            _submission_time: "2024-05-02T03:05:00",
            "formhub/uuid": "abc",
            id: "CH-4",
            "birth/date": "2010-01-15",
            "birth/estimated": "false",
            sex: "male",
            school: "enrolled",
            siblingIds: [{ "siblingIds/item": "CH-5" }],
            "meta/instanceID": "uuid:c1"
          }
        ]
      })
    )
    const kobo = run(["import-submissions", "kobo.json", "--as", "child", "--as-of", "2024-06-30"], dir)
    expect(kobo.code).toBe(0)
    expect(JSON.parse(kobo.stdout)).toEqual({
      id: "CH-4",
      birth: { date: "2010-01-15", estimated: false },
      sex: "male",
      school: "enrolled",
      siblingIds: ["CH-5"]
    })
  })

  it("invalid answers: exit 1, the report names row, column as exported and rule; only valid records are written", () => {
    write(
      dir,
      "bad.csv",
      `${BOM}id,birth-date,birth-estimated,sex,school,meta-instanceID\r\nCH-1,2012-02-30,false,female,enrolled,uuid:1\r\nCH-2,2012-02-28,false,female,enrolled,uuid:2\r\nCH-2,2013-01-01,maybe,female,enrolled,uuid:3\r\n`
    )
    const r = run(
      [
        "import-submissions",
        "bad.csv",
        "--as",
        "child",
        "--as-of",
        "2024-06-30",
        "--format",
        "json",
        "--out",
        "ok.jsonl"
      ],
      dir
    )
    expect(r.code).toBe(1)
    const report = json(r)
    expect(report.ok).toBe(false)
    expect(report.format).toBe("csv")
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: "birth-date" }),
        expect.objectContaining({ row: 4, column: "birth-estimated" }),
        expect.objectContaining({ rule: "duplicate-id", row: 4 })
      ])
    )
    expect(
      readFileSync(join(dir, "ok.jsonl"), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).id)
    ).toEqual(["CH-2"])
  })

  it("a required question with no column is one missing-column error; records out as a JSON list with --records json", () => {
    write(dir, "nosex.csv", "id,birth/date,birth/estimated,school\nCH-1,2012-02-28,false,enrolled\n")
    const r = run(
      [
        "import-submissions",
        "nosex.csv",
        "--as",
        "child",
        "--as-of",
        "2024-06-30",
        "--records",
        "json",
        "--format",
        "json"
      ],
      dir
    )
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual([])
    expect(JSON.parse(r.stderr).problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: "missing-column", column: "sex" })])
    )
  })

  it("exit 2, one line on standard error: missing file, unknown record type, a union type, JSON that is not a list, bad option", () => {
    write(dir, "notalist.json", JSON.stringify({ hello: "world" }))
    write(dir, "broken.json", "[{")
    write(dir, "empty.csv", "")
    for (const args of [
      ["import-submissions", "nope.csv", "--as", "child"],
      ["import-submissions", "homeward_child.csv", "--as", "kid"],
      ["import-submissions", "homeward_child.csv", "--as", "case-event"],
      ["import-submissions", "notalist.json", "--as", "child"],
      ["import-submissions", "broken.json", "--as", "child"],
      ["import-submissions", "empty.csv", "--as", "child"],
      ["import-submissions", "homeward_child.csv", "--as", "child", "--as-of", "2024-02-30"]
    ]) {
      const r = run(args, dir)
      expect({ args, code: r.code }).toEqual({ args, code: 2 })
      expect(r.stderr.trim().split("\n")).toHaveLength(1)
    }
  })
})

describe("homeward import-submissions: the attacker (sensitive values never printed)", () => {
  const SECRETS = ["Sreymom", "012999888", "Phum Kandal", "beaten"]
  const long = (s: string) => `${s} `.repeat(Math.ceil(2100 / (s.length + 1)))

  const assertNoSecret = (out: string) => {
    for (const s of SECRETS) expect(out).not.toContain(s)
  }

  it("names, phones, addresses and notes in invalid answers (CSV and JSON), in headers and field names, in a headerless export", () => {
    // invalid: each sensitive answer over 2000 characters, or blank where required
    write(
      dir,
      "attack_household.csv",
      crlf([
        "id,location-province,location-address,contact-phone,housing,livelihood,tracing,notes,KEY,Sreymom 012999888",
        `HH-9,Siem Reap,${long("Phum Kandal")},${long("012999888")},suitable,stable,traced,"${long("beaten")}",uuid:hh-9,x`,
        `HH-10,Siem Reap,,,suitable,stable,traced,"\t${long("Sreymom")}",uuid:hh-10,`
      ])
    )
    write(
      dir,
      "attack_household-members.csv",
      crlf([
        "id,name,relationship,primaryCaregiver,PARENT_KEY,KEY",
        `HH-9-m1,${long("Sreymom")},parent,true,uuid:hh-9,uuid:hh-9/members[1]`
      ])
    )
    write(
      dir,
      "attack.json",
      JSON.stringify([
        {
          id: "CH-9",
          givenName: long("Sreymom"),
          familyName: "\t",
          "Phum Kandal 012999888": "beaten",
          birth: { date: "2012-02-28", estimated: false },
          sex: "female",
          school: "enrolled"
        }
      ])
    )
    write(dir, "attack_noheader.csv", "CH-1,Sreymom,Phum Kandal,2010-03-14,false,female,enrolled,012999888\n")
    const runs = [
      ["import-submissions", "attack_household.csv", "--as", "household", "--as-of", "2024-06-30"],
      ["import-submissions", "attack_household.csv", "--as", "household", "--as-of", "2024-06-30", "--format", "json"],
      ["import-submissions", "attack.json", "--as", "child", "--as-of", "2024-06-30"],
      [
        "import-submissions",
        "attack.json",
        "--as",
        "child",
        "--as-of",
        "2024-06-30",
        "--format",
        "json",
        "--show",
        "1000"
      ],
      ["import-submissions", "attack_noheader.csv", "--as", "child"]
    ]
    for (const args of runs) {
      const r = run(args, dir)
      expect(r.code).not.toBe(0)
      assertNoSecret(r.stdout)
      assertNoSecret(r.stderr)
    }
    // the attacks are seen: every invalid answer is reported, by column, without its value
    const report = json(
      run(
        [
          "import-submissions",
          "attack_household.csv",
          "--as",
          "household",
          "--as-of",
          "2024-06-30",
          "--format",
          "json",
          "--out",
          "x.jsonl"
        ],
        dir
      )
    )
    const columns = report.problems.map((p) => p.column)
    expect(columns).toEqual(expect.arrayContaining(["location-address", "contact-phone", "notes", "column J"]))
    expect(report.problems.some((p) => p.path.startsWith("members"))).toBe(true)
    for (const p of report.problems) expect(p.value).toBeUndefined()
  })

  it("in process too: importText never puts a sensitive value in the report", () => {
    const r = ImportSubmissions.importText(
      `id,givenName,birth/date,birth/estimated,sex,school\nCH-1,${long("Sreymom")},2012-02-28,false,female,enrolled\n`,
      "x.csv",
      { as: "child", asOf: new Date("2024-06-30") }
    )
    expect(r.report.ok).toBe(false)
    expect(r.records).toEqual([])
    assertNoSecret(JSON.stringify(r.report))
  })
})
