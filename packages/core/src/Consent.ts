/**
 * Consent records: who gave consent (caregiver consent or child assent), for
 * which purposes, for which agencies, when it was given, when it expires and
 * when it was withdrawn.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Id, IsoDate } from "./Common.js"

/**
 * Purposes consent can cover.
 *
 * @since 0.1.0
 */
export const Purpose = Schema.Literals(["services", "tracing", "information-sharing", "reporting"])

/**
 * @since 0.1.0
 */
export type Purpose = typeof Purpose.Type

/**
 * A consent (or assent) record.
 *
 * @since 0.1.0
 */
export const Consent = Schema.Struct({
  id: Id,
  kind: Schema.Literals(["caregiver-consent", "child-assent"]),
  givenBy: Id,
  purposes: Schema.Array(Purpose).check(Schema.isMinLength(1, { expected: "at least one purpose" } as never)),
  agencies: Schema.Array(Id).check(Schema.isMinLength(1, { expected: "at least one agency in scope" } as never)),
  givenOn: IsoDate,
  expiresOn: Schema.optionalKey(IsoDate),
  withdrawnOn: Schema.optionalKey(IsoDate)
}).annotate({ identifier: "Consent", title: "Consent" })

/**
 * @since 0.1.0
 */
export type Consent = typeof Consent.Type
