/**
 * The `homeward` command.
 *
 * @since 0.1.0
 */
import { Effect, Exit } from "effect"
import { Command } from "effect/cli"
import * as Main from "./commands/main.js"
import * as Platform from "./internal/platform.js"

// a closed pipe (`homeward ... | head`) ends the output quietly
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0)
})

const program = Command.run(Main.command, { version: "0.1.0" }).pipe(Effect.provide(Platform.layer))

Effect.runPromiseExit(program as Effect.Effect<void, unknown>).then((exit) => {
  // parse errors (unknown flag, missing argument) are already printed: exit 2
  if (Exit.isFailure(exit)) process.exitCode = 2
})
