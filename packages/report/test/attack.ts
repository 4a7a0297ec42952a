/**
 * The attacker of the test suite: HiGHS (an independent integer-programming
 * solver from the npm registry, compiled to WebAssembly) computes each
 * suppressed count's feasible range over everything a report publishes.
 */
import highsModule from "highs"
import { type DisclosureModel, lpFormat } from "../src/Suppression.js"

// "highs" is a CommonJS package with an ESM entry: under NodeNext its types describe the CommonJS module object.
type Loader = typeof import("highs").default
const highsLoader = ((highsModule as unknown as { default?: Loader }).default ??
  (highsModule as unknown as Loader)) as Loader
const highs = await highsLoader()

/**
 * Solve a CPLEX LP text (an integer program); the objective value, `±Infinity`
 * when unbounded. HiGHS (1.15, WebAssembly) may answer a finite "optimum" for
 * an unbounded integer program, and its presolve may call an unbounded linear
 * program infeasible; so unboundedness is decided first on the linear
 * relaxation without presolve, and then integer feasibility with a zero
 * objective (with rational data, a feasible integer program whose relaxation
 * is unbounded is unbounded).
 */
export const optimum = (text: string, sense: "min" | "max"): number => {
  const relaxed = highs.solve(text.replace(/\nGeneral\n[^\n]*\n/, "\n"), { presolve: "off" })
  if (relaxed.Status === "Unbounded") {
    const zero = highs.solve(text.replace(/^(Minimize|Maximize)\n obj: [^\n]*\n/, "Minimize\n obj:\n"))
    if (zero.Status === "Infeasible") throw new Error("HiGHS: Infeasible")
    if (zero.Status !== "Optimal") throw new Error(`HiGHS: ${zero.Status}`)
    return sense === "max" ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
  }
  const r = highs.solve(text)
  if (r.Status === "Optimal") return r.ObjectiveValue
  throw new Error(`HiGHS: ${r.Status}`)
}

/** The attacker's range of quantity `i`: min and max over integer solutions consistent with what is published. */
export const attackRange = (
  model: DisclosureModel,
  suppressed: ReadonlyArray<boolean>,
  i: number
): { lo: number; hi: number } => ({
  lo: optimum(lpFormat(model, suppressed, { sense: "min", quantity: i }), "min"),
  hi: optimum(lpFormat(model, suppressed, { sense: "max", quantity: i }), "max")
})

/** Every suppressed quantity's range (undefined for published ones). */
export const attackAll = (
  model: DisclosureModel,
  suppressed: ReadonlyArray<boolean>
): Array<{ lo: number; hi: number } | undefined> =>
  model.quantities.map((_, i) => (suppressed[i] ? attackRange(model, suppressed, i) : undefined))

/** Whether the published model is feasible at all (the true values must be). */
export const feasible = (model: DisclosureModel, suppressed: ReadonlyArray<boolean>): boolean =>
  highs.solve(lpFormat(model, suppressed)).Status === "Optimal"
