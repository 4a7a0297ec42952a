/**
 * @homeward/simulate: scenario simulation for researchers and planners,
 * driven by the Homeward core rules. "With these social workers and this
 * policy, what share of children in care will be safely home by the
 * deadline, and with what risk of breakdown?"
 *
 * @since 0.1.0
 */

export * as Calibration from "./Calibration.js"
export * as Chart from "./Chart.js"
export { type FanChartOptions, fanChartSvg } from "./Chart.js"
export * as Compare from "./Compare.js"
export { compareOnHistories } from "./Compare.js"
export * as Comparison from "./Comparison.js"
export { compareScenarios } from "./Comparison.js"
export * as Distribution from "./Distribution.js"
export * as Labels from "./Labels.js"
export * as Output from "./Output.js"
export { toCsv, toJson } from "./Output.js"
export * as Parameter from "./Parameter.js"
export * as PolicyFacts from "./PolicyFacts.js"
export * as Random from "./Random.js"
export * as Scenario from "./Scenario.js"
export * as Scenarios from "./Scenarios.js"
export * as Sensitivity from "./Sensitivity.js"
export * as Simulate from "./Simulate.js"
export {
  type Band,
  type MonthSummary,
  type Progress,
  type SimulateOptions,
  type SimulationResult,
  simulate,
  simulateEffect,
  simulateSync,
  type Warning
} from "./Simulate.js"
export * as Solve from "./Solve.js"
