/**
 * The few platform services `effect/cli` asks for, implemented on Node's own
 * `process` and `node:fs`: arguments, standard output and error, the terminal
 * width, path handling and "does this file exist".
 *
 * Why not `@effect/platform-node`: every 4.x release of it depends on
 * `undici` 8, which declares `engines.node >= 22.19`, and its 4.0 releases
 * pair under npm with an `@effect/platform-node-shared` that does not match
 * `effect` 4.1 (`Cannot find module 'effect/dist/Crypto.js'`). The CLI supports
 * Node 20.19, needs none of HTTP, sockets, workers or child processes, and its
 * commands read files with `node:fs` themselves; so this module replaces
 * the whole dependency and leave `effect` as the only version to agree on.
 * Keys and lines are read with `node:readline` for the prompts of `--wizard`.
 */
import { existsSync } from "node:fs"
import * as readline from "node:readline"
import type * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as FileSystem from "effect/FileSystem"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Path from "effect/Path"
import * as ChildProcessSpawner from "effect/process/ChildProcessSpawner"
import * as Queue from "effect/Queue"
import * as Sink from "effect/Sink"
import * as Stdio from "effect/Stdio"
import * as Stream from "effect/Stream"
import * as Terminal from "effect/Terminal"

const write = (stream: NodeJS.WriteStream) => {
  const writeChunk = (chunk: string | Uint8Array) =>
    Effect.sync(() => {
      stream.write(chunk)
    })
  return (): Sink.Sink<void, string | Uint8Array> => Sink.forEach(writeChunk)
}

const stdio = Stdio.make({
  args: Effect.sync(() => process.argv.slice(2)),
  stdinIsTerminal: Effect.sync(() => process.stdin.isTTY === true),
  stdoutIsTerminal: Effect.sync(() => process.stdout.isTTY === true),
  stderrIsTerminal: Effect.sync(() => process.stderr.isTTY === true),
  stdout: write(process.stdout),
  stderr: write(process.stderr),
  // no command reads standard input
  stdin: Stream.empty
})

const unused = (what: string) => Effect.die(new Error(`homeward does not use ${what}`))

const quits = (i: Terminal.UserInput): boolean =>
  i.key.name === "escape" || (i.key.ctrl && (i.key.name === "c" || i.key.name === "d"))

// keys, for the prompts of `--wizard`: raw mode while the scope is open
const readInput = Effect.gen(function* () {
  const stdin = process.stdin
  const queue = yield* Queue.make<Terminal.UserInput, Cause.Done>()
  const rl = readline.createInterface({ input: stdin, escapeCodeTimeout: 50 })
  readline.emitKeypressEvents(stdin, rl)
  if (stdin.isTTY) stdin.setRawMode(true)
  const onKey = (s: string | undefined, k: readline.Key | undefined) => {
    const input: Terminal.UserInput = {
      input: Option.fromUndefinedOr(s),
      key: { name: k?.name ?? "", ctrl: k?.ctrl === true, meta: k?.meta === true, shift: k?.shift === true }
    }
    Queue.offerUnsafe(queue, input)
    if (quits(input)) Queue.endUnsafe(queue)
  }
  const onEnd = () => Queue.endUnsafe(queue)
  stdin.on("keypress", onKey)
  stdin.once("end", onEnd)
  yield* Effect.addFinalizer(() =>
    Effect.sync(() => {
      stdin.off("keypress", onKey)
      stdin.off("end", onEnd)
      if (stdin.isTTY) stdin.setRawMode(false)
      rl.close()
    })
  )
  return queue
})

const readLine = Effect.callback<string, Terminal.QuitError>((resume) => {
  const rl = readline.createInterface({ input: process.stdin })
  let answered = false
  rl.once("line", (line) => {
    answered = true
    rl.close()
    resume(Effect.succeed(line))
  })
  rl.once("close", () => {
    if (!answered) resume(Effect.fail(new Terminal.QuitError({})))
  })
  return Effect.sync(() => rl.close())
})

const terminal = Terminal.make({
  columns: Effect.sync(() => process.stdout.columns ?? 0),
  rows: Effect.sync(() => process.stdout.rows ?? 0),
  size: unused("terminal resize events"),
  readInput,
  readLine,
  display: (text) =>
    Effect.sync(() => {
      process.stdout.write(text)
    })
})

/** The services `Command.run` needs, for Node >= 20.19. */
export const layer = Layer.mergeAll(
  Layer.succeed(Stdio.Stdio, stdio),
  Layer.succeed(Terminal.Terminal, terminal),
  Path.layer,
  FileSystem.layerNoop({ exists: (path) => Effect.sync(() => existsSync(path)) }),
  Layer.succeed(
    ChildProcessSpawner.ChildProcessSpawner,
    ChildProcessSpawner.make(() => unused("child processes"))
  )
)
