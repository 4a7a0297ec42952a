// @vitest-environment jsdom
/**
 * The policy profile's form (about a thousand questions: every parameter
 * with its citation and history) in ODK's engine, in a file of its own: the
 * engine needs several hundred megabytes and tens of seconds for it.
 */
import { describe, expect, it } from "vitest"
import * as CollectionForm from "../src/CollectionForm.js"
import * as XForm from "../src/XForm.js"
import { complete } from "./formFixtures.js"
import * as probe from "./formProbes.js"

describe("XForm: policy-profile in ODK's engine", () => {
  it("the built-in Aziza's Place profile fills the form without a violation and comes back unchanged", async () => {
    const form = CollectionForm.make("policy-profile")
    const record = complete["policy-profile"] ?? {}
    const r = await probe.submit(XForm.xform("policy-profile"), form, CollectionForm.fromRecord(form, record))
    expect(r.violations).toEqual([])
    expect(r.issues).toEqual([])
    expect(r.record).toEqual(record)
  }, 900_000)
})
