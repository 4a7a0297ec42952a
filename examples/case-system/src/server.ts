/**
 * A small case service over HTTP (`node:http`): every write is a Homeward
 * command decided against the case's replayed state and appended to an event
 * store with optimistic concurrency; "what is blocking this child's return?"
 * combines the eligibility assessment, the best-interest checks and the
 * readiness to advance. Responses never contain names or notes: reasons are
 * codes, rules, citations and plain messages.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import {
  BestInterestChecks,
  CaseState,
  Decider,
  Eligibility,
  type EventStore,
  Phase,
  type PolicyProfile,
  Profiles,
  Validation
} from "@homeward/core"
import { Result } from "effect"

/** Options of {@link makeServer}. */
export interface Options {
  readonly store: EventStore.CaseEventStore
  /** Policy profile (default: Aziza's Place). */
  readonly profile?: PolicyProfile.PolicyProfile
  /** The decision day when a request gives no `asOf` (default: now). */
  readonly today?: () => Date
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" })
  res.end(JSON.stringify(body))
}

const readBody = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Array<Buffer> = []
  for await (const c of req) chunks.push(c as Buffer)
  const text = Buffer.concat(chunks).toString("utf8")
  return text === "" ? {} : JSON.parse(text)
}

const dayParam = (url: URL, today: () => Date): Date | undefined => {
  const s = url.searchParams.get("asOf")
  if (s === null) return today()
  const d = new Date(`${s}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) ? d : undefined
}

/** Build the HTTP server (not listening yet). */
export const makeServer = (options: Options): Server => {
  const { store } = options
  const profile = options.profile ?? Profiles.azizasPlace
  const today = options.today ?? (() => new Date())

  const load = async (caseId: string) => CaseState.replay(caseId, await store.read(caseId))

  const command = async (caseId: string, body: unknown, asOf: Date) => {
    const decoded = Validation.decodeUnknown(Decider.Command, body)
    if (Result.isFailure(decoded))
      return { status: 400, body: { error: "invalid-command", issues: decoded.failure.map(issue) } }
    const state = await load(caseId)
    const decision = Decider.decide(state, decoded.success, profile, asOf)
    if (!decision.ok) return { status: 422, body: { error: "rejected", reasons: decision.reasons } }
    const appended = await store.append(caseId, state.version, decision.events)
    if (appended._tag === "Conflict") return { status: 409, body: { error: "conflict", message: appended.message } }
    if (appended._tag === "InvalidEvent") return { status: 500, body: { error: "invalid-event" } }
    const next = decision.events.reduce(CaseState.evolve, state)
    return {
      status: 200,
      body: { caseId, version: appended.version, events: decision.events.map((e) => e.type), phase: next.phase }
    }
  }

  const blocking = async (caseId: string, asOf: Date) => {
    const state = await load(caseId)
    const eligibility = Eligibility.assessReintegration(state, profile, asOf)
    const checks = BestInterestChecks.bestInterestChecks(state, profile, asOf)
    const readiness = Phase.canAdvance(state, profile, asOf, { eligibility })
    return {
      caseId,
      asOf: asOf.toISOString().slice(0, 10),
      policy: eligibility.policy,
      phase: state.phase,
      eligibility: { outcome: eligibility.outcome.kind, reasons: eligibility.reasons },
      bestInterestChecks: {
        blockers: checks.outcome.blockers,
        warnings: checks.outcome.warnings,
        reasons: checks.reasons
      },
      canAdvance: { ready: readiness.outcome.ready, next: readiness.outcome.next ?? null, reasons: readiness.reasons }
    }
  }

  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost")
    const parts = url.pathname.split("/").filter((p) => p !== "")
    const asOf = dayParam(url, today)
    const handle = async () => {
      if (asOf === undefined) return json(res, 400, { error: "bad-asOf", message: "asOf must be YYYY-MM-DD" })
      if (parts[0] !== "cases") return json(res, 404, { error: "not-found" })
      const caseId = parts[1]
      if (req.method === "POST" && parts.length === 1) {
        const body = (await readBody(req)) as { caseId?: unknown }
        if (typeof body.caseId !== "string") return json(res, 400, { error: "caseId-required" })
        if ((await store.version(body.caseId)) > 0) return json(res, 409, { error: "case-exists" })
        const { caseId: id, ...rest } = body
        const r = await command(id as string, { ...rest, type: "OpenCase" }, asOf)
        return json(res, r.status === 200 ? 201 : r.status, r.body)
      }
      if (caseId === undefined) return json(res, 404, { error: "not-found" })
      if (req.method === "GET" && parts.length === 2) {
        const state = await load(caseId)
        if (state.version === 0) return json(res, 404, { error: "no-such-case" })
        return json(res, 200, {
          caseId,
          version: state.version,
          status: state.status,
          phase: state.phase,
          contacts: state.contacts.length
        })
      }
      if (req.method === "POST" && parts.length === 3 && parts[2] === "commands") {
        const r = await command(caseId, await readBody(req), asOf)
        return json(res, r.status, r.body)
      }
      if (req.method === "GET" && parts.length === 3 && parts[2] === "blocking") {
        if ((await store.version(caseId)) === 0) return json(res, 404, { error: "no-such-case" })
        return json(res, 200, await blocking(caseId, asOf))
      }
      return json(res, 404, { error: "not-found" })
    }
    handle().catch((e: unknown) =>
      json(res, e instanceof SyntaxError ? 400 : 500, { error: e instanceof SyntaxError ? "bad-json" : "internal" })
    )
  })
}

const issue = (i: Validation.ValidationIssue) => ({ path: i.pathString, rule: i.rule, message: i.message })
