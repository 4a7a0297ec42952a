/**
 * @homeward/core: schemas, cited policy profiles, pure reintegration rules and
 * an event-sourced case decider.
 *
 * @since 0.1.0
 */
export * as Assessment from "./Assessment.js"
export * as BestInterest from "./BestInterest.js"
export * as Case from "./Case.js"
export * as CaseEvent from "./CaseEvent.js"
export * as Child from "./Child.js"
export * as ChildViews from "./ChildViews.js"
export * as Common from "./Common.js"
export * as Consent from "./Consent.js"
export * as Contact from "./Contact.js"
export * as Decision from "./Decision.js"
export * as FollowUp from "./FollowUp.js"
export * as Household from "./Household.js"
export * as Institution from "./Institution.js"
export * as Phase from "./Phase.js"
export * as PolicyProfile from "./PolicyProfile.js"
export * as Profiles from "./Profiles.js"
export * as Redact from "./Redact.js"
export * as Registry from "./Registry.js"
export * as Support from "./Support.js"
export * as Validation from "./Validation.js"
