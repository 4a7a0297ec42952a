/**
 * Access rules: who may see and do what with a case record. A pure policy of
 * roles (case worker, supervisor, manager, data officer, researcher, partner
 * agency), each with a scope (which cases: the ones assigned to them, to the
 * workers they supervise, their agency's, the ones shared with their agency by
 * referral or transfer, or all), the field sensitivities they may see and the
 * actions they may take. {@link redactFor} returns only what a viewer may see
 * of a record: hidden fields are left out (not masked), a record outside the
 * viewer's scope yields nothing, and a field the policy does not classify is
 * `restricted` (the safe side). Field sensitivity can be taken from a
 * Schema's `sensitive` annotations ({@link fieldsFromSchema}).
 *
 * @since 0.3.0
 */
import type * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import type { CaseState } from "./CaseState.js"
import { isSensitive } from "./Common.js"
import type { Citation } from "./PolicyProfile.js"

/**
 * Roles a viewer can hold.
 *
 * @since 0.3.0
 */
export type Role = "case-worker" | "supervisor" | "manager" | "data-officer" | "researcher" | "partner-agency"

/**
 * Every role, in order.
 *
 * @since 0.3.0
 */
export const roles: ReadonlyArray<Role> = [
  "case-worker",
  "supervisor",
  "manager",
  "data-officer",
  "researcher",
  "partner-agency"
]

/**
 * How sensitive a field is, from least to most:
 * - `statistical`: fit for counting (phase, status, dates, categories);
 * - `identifier`: pseudonymous ids (case, child, worker, agency ids);
 * - `operational`: the case work itself (assessments, plans, referrals);
 * - `sensitive`: names, addresses, phone numbers, free-text notes;
 * - `restricted`: anything the policy does not classify, and what only the
 *   case's own team may see (incident descriptions).
 *
 * @since 0.3.0
 */
export type Sensitivity = "statistical" | "identifier" | "operational" | "sensitive" | "restricted"

/**
 * Every sensitivity, least sensitive first.
 *
 * @since 0.3.0
 */
export const sensitivities: ReadonlyArray<Sensitivity> = [
  "statistical",
  "identifier",
  "operational",
  "sensitive",
  "restricted"
]

/**
 * Which records a role reaches:
 * - `assigned`: the records assigned to the viewer (`socialWorkerId`);
 * - `supervised`: those and the records of the workers the viewer supervises, in the viewer's agency;
 * - `agency`: every record of the viewer's agency;
 * - `shared`: the records shared with the viewer's agency (a referral or transfer, `sharedWith`);
 * - `all`: every record.
 *
 * @since 0.3.0
 */
export type Scope = "assigned" | "supervised" | "agency" | "shared" | "all"

/**
 * What a viewer may do with a record in scope.
 *
 * @since 0.3.0
 */
export type Action =
  | "read"
  | "write"
  | "refer"
  | "transfer"
  | "request-approval"
  | "approve"
  | "export"
  | "aggregate-report"

/**
 * What one role may see and do.
 *
 * @since 0.3.0
 */
export interface RoleRule {
  readonly scope: Scope
  /** The sensitivities of the fields it may see. */
  readonly see: ReadonlyArray<Sensitivity>
  readonly actions: ReadonlyArray<Action>
}

/**
 * An access policy: a rule per role and the sensitivity of each field, by
 * dotted path (`child.givenName`; array elements share their array's path;
 * `*` stands for any one key, for records keyed by id: `approvals.*.comment`).
 * A field takes the sensitivity of its longest classified path prefix (of two
 * equally long, the more sensitive); a field with no classified prefix, or
 * whose own key contains a dot, is `restricted`.
 *
 * @since 0.3.0
 */
export interface AccessPolicy {
  readonly roles: Readonly<Record<Role, RoleRule>>
  readonly fields: Readonly<Record<string, Sensitivity>>
  readonly source: Citation
}

/**
 * Who is looking.
 *
 * @since 0.3.0
 */
export interface Viewer {
  readonly id: string
  readonly role: Role
  readonly agencyId: string
  /** Workers this viewer supervises (for the `supervised` scope). */
  readonly supervises?: ReadonlyArray<string>
}

/**
 * A record to show: who holds it (agency, social worker), which agencies it
 * is shared with, and its data (plain JSON-like values).
 *
 * @since 0.3.0
 */
export interface AccessRecord {
  readonly agencyId?: string
  readonly socialWorkerId?: string
  /** Agencies the record is shared with (accepted referrals, pending transfers). */
  readonly sharedWith?: ReadonlyArray<string>
  readonly data: Readonly<Record<string, unknown>>
}

const SOURCE: Citation = {
  document: "Homeward design rule: access by role, assignment, agency and field sensitivity",
  year: 2026,
  note: "Default, not law: a programme replaces it with its own policy (Primero and OSCaR configure roles the same way).",
  key: "HR-access"
}

/**
 * Homeward's default policy (default, not law): case workers see everything
 * of their own cases; supervisors their team's; managers their agency's;
 * data officers their agency's records without sensitive or restricted
 * fields; researchers only statistical fields, of every record; partner
 * agencies the identifiers and case work of what was shared with them, never
 * names, addresses or notes.
 *
 * @since 0.3.0
 */
export const defaultPolicy: AccessPolicy = {
  roles: {
    "case-worker": {
      scope: "assigned",
      see: ["statistical", "identifier", "operational", "sensitive", "restricted"],
      actions: ["read", "write", "refer", "transfer", "request-approval"]
    },
    supervisor: {
      scope: "supervised",
      see: ["statistical", "identifier", "operational", "sensitive", "restricted"],
      actions: ["read", "write", "refer", "transfer", "request-approval", "approve"]
    },
    manager: {
      scope: "agency",
      see: ["statistical", "identifier", "operational", "sensitive", "restricted"],
      actions: ["read", "approve", "transfer", "export", "aggregate-report"]
    },
    "data-officer": {
      scope: "agency",
      see: ["statistical", "identifier", "operational"],
      actions: ["read", "export", "aggregate-report"]
    },
    researcher: { scope: "all", see: ["statistical"], actions: ["aggregate-report"] },
    "partner-agency": { scope: "shared", see: ["statistical", "identifier", "operational"], actions: ["read"] }
  },
  fields: {
    caseId: "identifier",
    version: "statistical",
    opened: "statistical",
    status: "statistical",
    phase: "statistical",
    phaseSince: "statistical",
    openedOn: "statistical",
    agencyId: "identifier",
    institutionId: "identifier",
    socialWorkerId: "identifier",
    "child.id": "identifier",
    "child.sex": "statistical",
    "child.birth": "operational",
    "child.givenName": "sensitive",
    "child.familyName": "sensitive",
    admissionReasons: "statistical",
    placement: "operational",
    "placement.type": "statistical",
    assessments: "operational",
    referrals: "operational",
    "referrals.service": "statistical",
    "referrals.serviceType": "statistical",
    "referrals.status": "statistical",
    transfers: "operational",
    transferRequests: "operational",
    approvals: "operational",
    "approvals.*.comment": "sensitive",
    consents: "operational",
    households: "sensitive",
    incidents: "restricted",
    reason: "sensitive",
    notes: "sensitive"
  },
  source: SOURCE
}

const has = <A>(xs: ReadonlyArray<A> | undefined, x: A | undefined): boolean =>
  x !== undefined && xs?.includes(x) === true

/**
 * Whether a record is in the viewer's scope under a policy.
 *
 * @example
 * ```ts
 * import { Access } from "@homeward/core"
 *
 * Access.inScope({ id: "sw1", role: "case-worker", agencyId: "AG-1" }, { agencyId: "AG-1", socialWorkerId: "sw2", data: {} }) // false
 * ```
 *
 * @since 0.3.0
 */
export const inScope = (viewer: Viewer, record: AccessRecord, policy: AccessPolicy = defaultPolicy): boolean => {
  const rule = policy.roles[viewer.role] as RoleRule | undefined
  if (rule === undefined) return false
  switch (rule.scope) {
    case "all":
      return true
    case "agency":
      return record.agencyId !== undefined && record.agencyId === viewer.agencyId
    case "shared":
      return has(record.sharedWith, viewer.agencyId)
    case "supervised":
      return (
        record.agencyId !== undefined &&
        record.agencyId === viewer.agencyId &&
        record.socialWorkerId !== undefined &&
        (record.socialWorkerId === viewer.id || has(viewer.supervises, record.socialWorkerId))
      )
    case "assigned":
      return record.socialWorkerId !== undefined && record.socialWorkerId === viewer.id
    default:
      return false
  }
}

/**
 * The sensitivity of a field path under a policy: that of its longest
 * classified prefix (`*` matches any one key; of two equally long matches,
 * the more sensitive); `restricted` when none, or when a key contains a dot.
 *
 * @example
 * ```ts
 * import { Access } from "@homeward/core"
 *
 * Access.sensitivityOf(Access.defaultPolicy, ["child", "givenName"]) // "sensitive"
 * ```
 *
 * @since 0.3.0
 */
export const sensitivityOf = (policy: AccessPolicy, path: ReadonlyArray<string>): Sensitivity => {
  if (path.some((k) => k.includes("."))) return "restricted"
  let bestLength = 0
  let best: Sensitivity = "restricted"
  for (const [pattern, sensitivity] of Object.entries(policy.fields)) {
    const parts = pattern.split(".")
    if (parts.length < bestLength || parts.length > path.length) continue
    if (!parts.every((p, i) => p === "*" || p === path[i])) continue
    // Equal length: the more sensitive classification wins (the safe side).
    if (parts.length > bestLength || rank(sensitivity) > rank(best)) {
      best = sensitivity
      bestLength = parts.length
    }
  }
  return best
}

const rank = (s: Sensitivity): number => sensitivities.indexOf(s)

/**
 * Whether the viewer may take an action on a record: the record is in scope
 * and the role's rule lists the action.
 *
 * @example
 * ```ts
 * import { Access } from "@homeward/core"
 *
 * Access.can({ id: "s1", role: "supervisor", agencyId: "AG-1", supervises: ["sw1"] }, "approve",
 *   { agencyId: "AG-1", socialWorkerId: "sw1", data: {} }) // true
 * ```
 *
 * @since 0.3.0
 */
export const can = (
  viewer: Viewer,
  action: Action,
  record: AccessRecord,
  policy: AccessPolicy = defaultPolicy
): boolean => {
  const rule = policy.roles[viewer.role] as RoleRule | undefined
  return rule?.actions.includes(action) === true && inScope(viewer, record, policy)
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date)

const filter = (
  value: unknown,
  path: ReadonlyArray<string>,
  visible: (s: Sensitivity) => boolean,
  policy: AccessPolicy
): { readonly keep: boolean; readonly value?: unknown } => {
  if (Array.isArray(value)) {
    const out: Array<unknown> = []
    for (const v of value) {
      const r = filter(v, path, visible, policy)
      if (r.keep) out.push(r.value)
    }
    // An array is kept when its own path is visible or something inside it is.
    return out.length > 0 || visible(sensitivityOf(policy, path)) ? { keep: true, value: out } : { keep: false }
  }
  if (isPlain(value)) {
    const entries: Array<[string, unknown]> = []
    for (const k of Object.keys(value)) {
      const r = filter(value[k], [...path, k], visible, policy)
      if (r.keep) entries.push([k, r.value])
    }
    if (entries.length > 0) return { keep: true, value: Object.fromEntries(entries) }
    return path.length > 0 && visible(sensitivityOf(policy, path)) && Object.keys(value).length === 0
      ? { keep: true, value: {} }
      : { keep: false }
  }
  if (path.length === 0) return { keep: false }
  return visible(sensitivityOf(policy, path)) ? { keep: true, value } : { keep: false }
}

/**
 * What a viewer may see of a record: `undefined` when the record is outside
 * the viewer's scope or the role may not `read` nor `aggregate-report`;
 * otherwise a copy of `record.data` holding only the fields whose
 * sensitivity the role may see (objects and arrays are kept only for what
 * they hold that is visible; `Date`s are leaves). Never mutates the record.
 *
 * @example
 * ```ts
 * import { Access } from "@homeward/core"
 *
 * const record = { agencyId: "AG-1", socialWorkerId: "sw1",
 *   data: { caseId: "c1", phase: { phase: "assessment" }, child: { id: "CH-1", givenName: "Dara" } } }
 * Access.redactFor({ id: "r1", role: "researcher", agencyId: "UNI" }, record)
 * // { phase: { phase: "assessment" } }
 * Access.redactFor({ id: "p1", role: "partner-agency", agencyId: "AG-2" }, record) // undefined: not shared with AG-2
 * ```
 *
 * @since 0.3.0
 */
export const redactFor = (
  viewer: Viewer,
  record: AccessRecord,
  policy: AccessPolicy = defaultPolicy
): Readonly<Record<string, unknown>> | undefined => {
  const rule = policy.roles[viewer.role] as RoleRule | undefined
  if (rule === undefined || !inScope(viewer, record, policy)) return undefined
  if (!rule.actions.includes("read") && !rule.actions.includes("aggregate-report")) return undefined
  const see = new Set(rule.see)
  const r = filter(record.data, [], (s) => see.has(s), policy)
  return r.keep ? (r.value as Record<string, unknown>) : {}
}

/**
 * Field classifications from a Schema: every field path whose schema carries
 * the `sensitive` annotation (`Common.sensitive`) is `sensitive`; other leaf
 * fields take `otherwise`. Merge it into a policy's `fields` (later entries
 * win), e.g. `{ ...defaultPolicy.fields, ...fieldsFromSchema(Child.Child, "operational", "child") }`.
 *
 * @example
 * ```ts
 * import { Access, Household } from "@homeward/core"
 *
 * Access.fieldsFromSchema(Household.Household, "operational")["notes"] // "sensitive"
 * ```
 *
 * @since 0.3.0
 */
export const fieldsFromSchema = (
  schema: Schema.Top,
  otherwise: Sensitivity,
  prefix?: string
): Readonly<Record<string, Sensitivity>> => {
  const out: Record<string, Sensitivity> = {}
  const seen = new Set<SchemaAST.AST>()
  const walk = (ast: SchemaAST.AST, path: string | undefined): void => {
    if (path !== undefined && isSensitive(ast)) {
      out[path] = "sensitive"
      return
    }
    if (seen.has(ast)) return
    switch (ast._tag) {
      case "Suspend":
        seen.add(ast)
        walk(ast.thunk(), path)
        return
      case "Objects":
        for (const ps of ast.propertySignatures) {
          const k = String(ps.name)
          walk(ps.type, path === undefined ? k : `${path}.${k}`)
        }
        return
      case "Arrays":
        for (const e of [...ast.elements, ...ast.rest]) walk(e, path)
        return
      case "Union":
        for (const m of ast.types) walk(m, path)
        return
      default:
        if (path !== undefined && out[path] === undefined) out[path] = otherwise
    }
  }
  walk(SchemaAST.toType(schema.ast), prefix)
  return out
}

/**
 * A case state as an access record: held by its agency and social worker,
 * shared with the agencies of its pending or accepted referrals and of its
 * pending transfer; the data is the state itself.
 *
 * @example
 * ```ts
 * import { Access, CaseState } from "@homeward/core"
 *
 * Access.fromCaseState(CaseState.initial("c1")).sharedWith // []
 * ```
 *
 * @since 0.3.0
 */
export const fromCaseState = (state: CaseState): AccessRecord => {
  const shared = new Set<string>()
  for (const r of state.referrals) if (r.status === "pending" || r.status === "accepted") shared.add(r.toAgencyId)
  for (const t of state.transferRequests) if (t.status === "pending") shared.add(t.toAgencyId)
  return {
    ...(state.agencyId === undefined ? {} : { agencyId: state.agencyId }),
    ...(state.socialWorkerId === undefined ? {} : { socialWorkerId: state.socialWorkerId }),
    sharedWith: [...shared].sort(),
    data: state as unknown as Readonly<Record<string, unknown>>
  }
}
