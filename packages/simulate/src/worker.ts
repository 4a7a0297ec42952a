/**
 * Worker-thread entry of the simulation: receives a kernel configuration,
 * runs ranges of replicates on request and sends the output vectors back.
 * Internal: started by `simulate` with `worker_threads`.
 *
 * @since 0.1.0
 */
import { parentPort, workerData } from "node:worker_threads"
import { type KernelConfig, runRange } from "./internal/kernel.js"

// Re-create the configuration as ordinary objects (JSON round trip: the configuration is plain
// finite numbers, booleans and arrays), so the kernel's property reads stay on fast paths.
const cfg = JSON.parse(JSON.stringify((workerData as { readonly config: KernelConfig }).config)) as KernelConfig
parentPort?.on("message", (msg: { readonly from: number; readonly to: number } | "stop") => {
  if (msg === "stop") {
    parentPort?.close()
    return
  }
  const buf = runRange(cfg, msg.from, msg.to)
  parentPort?.postMessage({ from: msg.from, to: msg.to, buf }, [buf.buffer as ArrayBuffer])
})
