/**
 * The command's last line of defence: every failure ends with one clear line
 * on stderr and exit code 2, never a silent exit. Parse errors (unknown flag,
 * missing argument) are already printed on stderr by the CLI runner (the help
 * on stdout); a missing subcommand gets its line here; anything else (an
 * unexpected exception in a subcommand, a rejected promise) is described here
 * in one line that names the file and the reason for file-system errors and
 * never echoes data (a `SyntaxError`'s message can quote the input, so it is
 * withheld).
 */
import { Cause, Exit } from "effect"
import { CliError } from "effect/cli"

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOENT: "no such file or directory",
  ENOTDIR: "a part of the path is not a directory",
  EISDIR: "is a directory",
  EEXIST: "already exists",
  ENOSPC: "no space left on the device",
  EROFS: "read-only file system",
  EMFILE: "too many open files",
  ENAMETOOLONG: "file name too long",
  ELOOP: "too many symbolic links",
  EBUSY: "resource busy or locked",
  EPIPE: "output closed"
}

const firstLine = (s: string): string => {
  const line = s.split(/\r?\n|\r/)[0]!.trim()
  return line.length > 300 ? `${line.slice(0, 297)}...` : line
}

/** One line (without the `homeward: ` prefix) describing an unexpected failure. */
export const describeFailure = (e: unknown): string => {
  if (e instanceof Error) {
    const errno = e as NodeJS.ErrnoException
    if (typeof errno.code === "string" && REASONS[errno.code] !== undefined) {
      const where = typeof errno.path === "string" ? ` ${errno.path}` : ""
      const op = typeof errno.syscall === "string" ? `${errno.syscall}${where}` : where.trim()
      return `${op === "" ? "" : `cannot ${op}: `}${REASONS[errno.code]} (${errno.code})`
    }
    if (e instanceof SyntaxError) return "unexpected failure: SyntaxError (details withheld: they may quote input data)"
    const message = firstLine(e.message)
    return `unexpected failure: ${e.name}${message === "" ? "" : `: ${message}`}`
  }
  return `unexpected failure (${e === null ? "null" : typeof e})`
}

const printed = (e: unknown): boolean =>
  CliError.isCliError(e) || (typeof e === "object" && e !== null && CliError.getUserMessage(e) !== undefined)

/**
 * What to do with the program's exit: nothing for success; for a failure the
 * exit code 2 and, unless the CLI runner already printed it, the one line to
 * print on stderr.
 */
export const onExit = (exit: Exit.Exit<unknown, unknown>): { readonly code: 0 | 2; readonly line?: string } => {
  if (Exit.isSuccess(exit)) return { code: 0 }
  const reasons = exit.cause.reasons
  // help shown because no subcommand was given: the runner printed the help (stdout) and no error
  for (const r of reasons)
    if (Cause.isFailReason(r) && CliError.isCliError(r.error) && r.error._tag === "ShowHelp")
      if (r.error.errors.length === 0)
        return { code: 2, line: "homeward: no command given: choose one of the commands listed above" }
  const unprinted = reasons.find((r) => !(Cause.isFailReason(r) && printed(r.error)))
  if (unprinted === undefined) return { code: 2 }
  if (Cause.isFailReason(unprinted)) return { code: 2, line: `homeward: ${describeFailure(unprinted.error)}` }
  if (Cause.isDieReason(unprinted)) return { code: 2, line: `homeward: ${describeFailure(unprinted.defect)}` }
  return { code: 2, line: "homeward: interrupted" }
}
