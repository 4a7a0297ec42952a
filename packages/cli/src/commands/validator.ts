/**
 * `homeward validator [--open] [--out FILE]`: writes the validator page
 * (`@homeward/validator-web`, one self-contained HTML file that checks a
 * CSV, Excel or JSON file in the browser, in English or Khmer, without any
 * network) and opens it in the default browser.
 *
 * @since 0.1.0
 */
import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { copyFile } from "node:fs/promises"
import { resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { Page } from "@homeward/validator-web"
import { Effect } from "effect"
import { Command, Flag } from "effect/cli"
import { unusable } from "./exit.js"

const SHORT = "Write the validator page (check files in the browser, English and Khmer) and open it"

const HELP = `Write the validator page: one HTML file that checks a CSV, Excel (.xlsx) or JSON file in a web
browser, with the same checks as "homeward validate" (presets for OSCaR and Primero, your own mapping file,
or one record type), in English or Khmer. The file you check never leaves the computer: the page works
offline and is not allowed to connect to anything. Copy the page to a colleague's computer or a shared
folder: it needs nothing installed.
  --open      open the page in the default browser after writing it
  --out FILE  where to write it (default: ${Page.fileName} in the current folder)`

/** The command that opens a file with the system's default program. */
const opener = (file: string): { command: string; args: Array<string> } => {
  switch (process.platform) {
    case "darwin":
      return { command: "open", args: [file] }
    case "win32":
      return { command: "cmd", args: ["/c", "start", '""', file] }
    default:
      return { command: "xdg-open", args: [file] }
  }
}

const open = (file: string): Promise<boolean> =>
  new Promise((done) => {
    const { command, args } = opener(file)
    try {
      const child = spawn(command, args, { stdio: "ignore", detached: true, windowsHide: true })
      child.once("error", () => done(false))
      child.once("spawn", () => {
        child.unref()
        done(true)
      })
    } catch {
      done(false)
    }
  })

/**
 * The `validator` subcommand.
 *
 * @since 0.1.0
 */
export const command = Command.make(
  "validator",
  {
    open: Flag.Boolean("open").pipe(
      Flag.withDescription("Open the page in the default browser after writing it"),
      Flag.withDefault(false)
    ),
    out: Flag.String("out").pipe(
      Flag.withDescription(`Where to write the page (default: ${Page.fileName} in the current folder)`),
      Flag.withDefault(Page.fileName)
    )
  },
  (o) =>
    Effect.promise(async () => {
      const target = resolve(o.out)
      const page = fileURLToPath(Page.url)
      if (!existsSync(page)) {
        unusable(`the validator page is not built (${page} is missing): build @homeward/validator-web`)
        return
      }
      try {
        await copyFile(page, target)
      } catch (e) {
        const code = (e as NodeJS.ErrnoException | undefined)?.code
        unusable(`cannot write ${o.out}${code === "ENOENT" ? ": the folder does not exist" : ` (${code ?? "error"})`}`)
        return
      }
      process.stdout.write(`wrote ${target}\n`)
      if (!o.open) return
      if (await open(target)) process.stdout.write("opened it in the default browser\n")
      else process.stderr.write(`homeward: could not open a browser; open ${target} in one\n`)
    })
).pipe(Command.withDescription(HELP), Command.withShortDescription(SHORT))
