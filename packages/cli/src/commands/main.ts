/**
 * The `homeward` command and its subcommands. Each subcommand lives in its
 * own module under `commands/` and is listed here.
 *
 * @since 0.1.0
 */
import { Command } from "effect/cli"
import * as Demo from "./demo.js"
import * as Report from "./report.js"
import * as Schema from "./schema.js"
import * as Simulate from "./simulate.js"
import * as Validate from "./validate.js"
import * as Validator from "./validator.js"

/**
 * Subcommands, in the order help lists them.
 *
 * @since 0.1.0
 */
export const subcommands = [
  Demo.command,
  Validate.command,
  Validator.command,
  Schema.command,
  Simulate.command,
  Report.command
] as const

/**
 * The root command.
 *
 * @since 0.1.0
 */
export const command = Command.make("homeward").pipe(
  Command.withDescription(
    "Homeward: rules for safely returning children from residential care to their families. Run the demo, validate NGO data, export schemas, simulate scenarios and build reports."
  ),
  Command.withSubcommands(subcommands)
)
