/**
 * Phases of a reintegration case (Inter-agency Guidelines on Children's
 * Reintegration 2016; Retrak SOP; Aziza's Place): intake → assessment →
 * preparation → gradual contact (the policy profile's steps) → reunified and
 * monitored → closed, plus returned to care (breakdown) and transferred.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * Phase names.
 *
 * @since 0.1.0
 */
export const PhaseName = Schema.Literals([
  "intake",
  "assessment",
  "preparation",
  "gradual-contact",
  "reunified",
  "closed",
  "returned-to-care",
  "transferred"
])

/**
 * @since 0.1.0
 */
export type PhaseName = typeof PhaseName.Type

/**
 * A position in the pathway: a phase and, in `gradual-contact`, the id of the
 * policy profile's contact step.
 *
 * @since 0.1.0
 */
export const PhaseRef = Schema.Struct({
  phase: PhaseName,
  step: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1)))
}).annotate({ identifier: "PhaseRef" })

/**
 * @since 0.1.0
 */
export type PhaseRef = typeof PhaseRef.Type
