/**
 * The `homeward` command and its subcommands. Each subcommand lives in its
 * own module under `commands/` and is listed here.
 *
 * @since 0.1.0
 */
import { Command } from "effect/cli"
import * as Schema from "./schema.js"
import * as Validate from "./validate.js"

/**
 * Subcommands, in the order help lists them. Add `simulate`, `report` and
 * `demo` here.
 *
 * @since 0.1.0
 */
export const subcommands = [Validate.command, Schema.command] as const

/**
 * The root command.
 *
 * @since 0.1.0
 */
export const command = Command.make("homeward").pipe(
  Command.withDescription(
    "Homeward: rules for safely returning children from residential care to their families. Validate NGO data and export schemas."
  ),
  Command.withSubcommands(subcommands)
)
