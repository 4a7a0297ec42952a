/**
 * Worker-thread entry of the simulation: runs ranges of replicates of the
 * kernel configuration it last received, on request, and sends the output
 * vectors back. Internal: started by `simulate` (`Simulate.makeRunner`) with
 * `worker_threads`.
 *
 * @since 0.1.0
 */
import { parentPort } from "node:worker_threads"
import { type KernelConfig, runRange } from "./internal/kernel.js"

let cfg: KernelConfig | undefined
parentPort?.on("message", (msg: { readonly from: number; readonly to: number; readonly config?: KernelConfig }) => {
  // Re-create the configuration as ordinary objects (JSON round trip: it is plain finite numbers,
  // booleans and arrays), so the kernel's property reads stay on fast paths.
  if (msg.config !== undefined) cfg = JSON.parse(JSON.stringify(msg.config)) as KernelConfig
  if (cfg === undefined) throw new Error("simulation worker: no configuration received")
  const buf = runRange(cfg, msg.from, msg.to)
  parentPort?.postMessage({ from: msg.from, to: msg.to, buf }, [buf.buffer as ArrayBuffer])
})
