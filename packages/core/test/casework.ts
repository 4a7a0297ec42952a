/** Shared builders for the case-work tests (approvals, referrals, transfers). */
import { Result } from "effect"
import { type CaseState, Decider, PolicyProfile, Profiles } from "../src/index.js"

export type Cmd = Decider.Command
export const worker = { id: "sw-1", role: "social-worker" } as const
export const supervisor = { id: "sup-1", role: "supervisor" } as const
export const at = (d: string) => new Date(`${d}T00:00:00.000Z`)
export const env = (d: string, actor: Cmd["actor"] = worker) => ({
  actor,
  recordedAt: new Date(`${d}T09:00:00.000Z`),
  occurredOn: at(d)
})

export const openCase = (d: string): Cmd => ({
  ...env(d),
  type: "OpenCase",
  child: { id: "CH-1", birth: { date: at("2008-03-01"), estimated: false }, sex: "female", school: "enrolled" },
  institutionId: "RCI-1",
  agencyId: "AG-1",
  socialWorkerId: "sw-1",
  admissionReasons: ["poverty"],
  placement: { type: "residential-care", since: at(d), institutionId: "RCI-1" }
})

/** Caregiver consent and child assent for the purposes and agencies given. */
export const consents = (
  d: string,
  agencies: ReadonlyArray<string>,
  purposes: ReadonlyArray<"services" | "tracing" | "information-sharing" | "reporting"> = [
    "services",
    "tracing",
    "information-sharing",
    "reporting"
  ],
  kinds: ReadonlyArray<"caregiver-consent" | "child-assent"> = ["caregiver-consent", "child-assent"]
): ReadonlyArray<Cmd> =>
  kinds.map((kind) => ({
    ...env(d),
    type: "RecordConsent",
    consent: {
      id: `cons-${kind}-${d}`,
      kind,
      givenBy: kind === "child-assent" ? "CH-1" : "HH-1-m1",
      purposes: [...purposes],
      agencies: [...agencies],
      givenOn: at(d)
    }
  }))

export const conference = (d: string, reasons: ReadonlyArray<PolicyProfile.ConferenceTrigger>, id = "conf-1"): Cmd => ({
  ...env(d),
  type: "RecordCaseConference",
  conference: { id, date: at(d), reasons: [...reasons] }
})

export const apply = (state: CaseState.CaseState, cmd: Cmd, profile: PolicyProfile.PolicyProfile) => {
  const r = Decider.decide(state, cmd, profile, cmd.occurredOn!)
  if (!r.ok) throw new Error(`rejected ${cmd.type}: ${r.reasons.map((x) => x.code).join(", ")}`)
  return r.events.reduce(Decider.evolve, state)
}
export const applyAll = (state: CaseState.CaseState, cmds: ReadonlyArray<Cmd>, profile: PolicyProfile.PolicyProfile) =>
  cmds.reduce((s, c) => apply(s, c, profile), state)
export const codes = (r: Decider.DecideResult) => (r.ok ? [] : r.reasons.map((x) => x.code))

/**
 * A programme that puts closure, the return home, transfers and referrals
 * behind a supervisor's approval, citing Primero's approvals (docs/sources.md PRIMERO).
 */
export const withApprovals = (
  rules: ReadonlyArray<PolicyProfile.ApprovalRule> = [
    { step: "closure", approverRoles: ["supervisor", "manager"] },
    { step: "reunification", approverRoles: ["supervisor"] },
    { step: "transfer", approverRoles: ["supervisor", "manager"] },
    { step: "referral", approverRoles: ["supervisor"] }
  ]
): PolicyProfile.PolicyProfile => {
  const r = PolicyProfile.derive(Profiles.cambodiaMosvy, {
    id: "with-approvals",
    version: "1.0.0",
    title: "Programme with supervisor approvals",
    parameters: {
      approvals: {
        required: {
          value: rules.map((x) => ({ step: x.step, approverRoles: [...x.approverRoles] })),
          source: {
            document: "Primero v2 approvals (repository primeroIMS/primero)",
            year: 2023,
            section: "Approvals: case plan, BIA, closure",
            key: "PRIMERO"
          },
          effectiveFrom: "2018-01-01",
          status: "practice"
        }
      }
    }
  })
  if (Result.isFailure(r)) throw new Error(JSON.stringify(r.failure))
  return r.success
}
