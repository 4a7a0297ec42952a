/**
 * The `homeward` command. Every failure ends with one line on stderr and a
 * non-zero exit code: parse errors are printed by the CLI runner, anything
 * unexpected (an exception in a subcommand, a rejected promise) by
 * `internal/failure.ts`.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { Command } from "effect/cli"
import * as Main from "./commands/main.js"
import { describeFailure, onExit } from "./internal/failure.js"
import * as Platform from "./internal/platform.js"

// a closed pipe (`homeward ... | head`) ends the output quietly
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0)
})

const fatal = (e: unknown): void => {
  process.stderr.write(`homeward: ${describeFailure(e)}\n`)
  process.exit(2)
}
process.on("uncaughtException", fatal)
process.on("unhandledRejection", fatal)

const program = Command.run(Main.command, { version: "0.1.0" }).pipe(Effect.provide(Platform.layer))

Effect.runPromiseExit(program as Effect.Effect<void, unknown>).then((exit) => {
  const { code, line } = onExit(exit)
  if (line !== undefined) process.stderr.write(`${line}\n`)
  // a subcommand may already have set 1 or 2 (problems found, unusable input)
  if (code !== 0) process.exitCode = code
}, fatal)
