/**
 * The record types an NGO can validate and export, by name: used by the CLI
 * (`homeward validate --as child`), the JSON Schema files and the data
 * dictionary.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { ReunificationAgreement } from "./Agreement.js"
import { Assessment, SafetyPlan } from "./Assessment.js"
import { BestInterestDetermination } from "./BestInterest.js"
import { CareException, Case } from "./Case.js"
import { CaseEvent } from "./CaseEvent.js"
import { Child } from "./Child.js"
import { ChildViews } from "./ChildViews.js"
import { CaseConference } from "./Conference.js"
import { Consent } from "./Consent.js"
import { Contact } from "./Contact.js"
import { Command } from "./Decider.js"
import { ClosureAssessment, FollowUpVisit } from "./FollowUp.js"
import { Household } from "./Household.js"
import { YouthActivity } from "./IndependentLiving.js"
import { Institution } from "./Institution.js"
import { PolicyProfile } from "./PolicyProfile.js"
import { SupportPayment, SupportPlan } from "./Support.js"

/**
 * Record types by name. Since 0.2.0 also the records of the Primero Cambodia
 * forms and the supported independent living programme: `safety-plan`,
 * `reunification-agreement`, `case-conference`, `care-exception` (a young
 * child's residential care exception) and `youth-activity`.
 *
 * @since 0.1.0
 */
export const records = {
  child: Child,
  household: Household,
  institution: Institution,
  case: Case,
  assessment: Assessment,
  "follow-up-visit": FollowUpVisit,
  "closure-assessment": ClosureAssessment,
  "child-views": ChildViews,
  "best-interest-determination": BestInterestDetermination,
  contact: Contact,
  consent: Consent,
  "support-plan": SupportPlan,
  "support-payment": SupportPayment,
  "safety-plan": SafetyPlan,
  "reunification-agreement": ReunificationAgreement,
  "case-conference": CaseConference,
  "care-exception": CareException,
  "youth-activity": YouthActivity,
  "case-event": CaseEvent,
  "policy-profile": PolicyProfile
} as const

/**
 * A record type name.
 *
 * @since 0.1.0
 */
export type RecordType = keyof typeof records

/**
 * Record type names.
 *
 * @since 0.1.0
 */
export const recordTypes = Object.keys(records) as ReadonlyArray<RecordType>

/**
 * Whether a string names a record type.
 *
 * @example
 * ```ts
 * import { Registry } from "@homeward/core"
 *
 * Registry.isRecordType("child") // true
 * Registry.isRecordType("pet") // false
 * ```
 *
 * @since 0.1.0
 */
export const isRecordType = (s: string): s is RecordType => Object.hasOwn(records, s)

/**
 * JSON Schema (draft 2020-12) of a record type's JSON form. Sensitive fields
 * carry `"x-sensitive": true`.
 *
 * @example
 * ```ts
 * import { Registry } from "@homeward/core"
 *
 * const schema = Registry.jsonSchema("child")
 * schema.$schema // "https://json-schema.org/draft/2020-12/schema"
 * ```
 *
 * @since 0.1.0
 */
export const jsonSchema = (type: RecordType): Record<string, unknown> => document(records[type], type)

const document = (schema: Schema.Top, name: string): Record<string, unknown> => {
  const doc = Schema.toJsonSchemaDocument(schema, {
    includeAnnotationKey: (k) => k === "x-sensitive"
  })
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `https://homeward.dev/schema/${name}.json`,
    title: name,
    ...doc.schema,
    ...(Object.keys(doc.definitions).length > 0 ? { $defs: doc.definitions } : {})
  }
}

/**
 * JSON Schema (draft 2020-12) of the JSON form of a case command
 * (`Decider.Command`: every command, the case-work ones included), for
 * systems that send commands over HTTP or a queue. Written to
 * `schema/case-command.json` by `schema:gen`.
 *
 * @example
 * ```ts
 * import { Registry } from "@homeward/core"
 *
 * Registry.commandJsonSchema().title // "case-command"
 * ```
 *
 * @since 0.3.0
 */
export const commandJsonSchema = (): Record<string, unknown> => document(Command, "case-command")
