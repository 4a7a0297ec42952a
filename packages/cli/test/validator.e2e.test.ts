/**
 * `homeward validator`: writes the validator page (without opening a
 * browser here) and opens it with the system's opener when asked.
 */

import { spawnSync } from "node:child_process"
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Page } from "@homeward/validator-web"
import { describe, expect, test } from "vitest"
import { BIN, run, tmp } from "./helpers.js"

const built = readFileSync(fileURLToPath(Page.url), "utf8")

describe("homeward validator", () => {
  test("--out FILE writes the page, byte for byte the package's, and opens nothing", () => {
    const dir = tmp()
    const r = run(["validator", "--out", "check.html"], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(`wrote ${join(dir, "check.html")}\n`)
    const html = readFileSync(join(dir, "check.html"), "utf8")
    expect(html).toBe(built)
    expect(html).toContain(`content="${Page.contentSecurityPolicy}"`)
    expect(html).toContain("connect-src 'none'")
  })

  test("without --out: validator.html in the current folder", () => {
    const dir = tmp()
    const r = run(["validator"], dir)
    expect(r.code).toBe(0)
    expect(existsSync(join(dir, "validator.html"))).toBe(true)
  })

  test.runIf(process.platform === "linux")("--open writes the page, then hands it to xdg-open", () => {
    const dir = tmp()
    const bin = join(dir, "bin")
    mkdirSync(bin)
    const log = join(dir, "opened.txt")
    // a stand-in for the desktop's opener: records what it was asked to open
    writeFileSync(join(bin, "xdg-open"), `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\n`)
    chmodSync(join(bin, "xdg-open"), 0o755)
    const r = spawnSync(process.execPath, [BIN, "validator", "--open", "--out", "page.html"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, PATH: `${bin}:${process.env["PATH"]}`, NO_COLOR: "1" }
    })
    expect(r.status).toBe(0)
    expect(r.stdout).toContain("opened it in the default browser")
    for (let i = 0; i < 100 && !existsSync(log); i++) spawnSync("sleep", ["0.1"])
    expect(readFileSync(log, "utf8")).toBe(`${join(dir, "page.html")}\n`)
  })

  test("--open with no opener on the system: the page is written, and the user is told to open it", () => {
    const dir = tmp()
    const r = spawnSync(process.execPath, [BIN, "validator", "--open"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, PATH: join(dir, "nothing-here"), NO_COLOR: "1" }
    })
    expect(r.status).toBe(0)
    expect(existsSync(join(dir, "validator.html"))).toBe(true)
    expect(r.stderr).toContain("could not open a browser; open")
  })

  test("a folder that does not exist: exit 2 with the reason", () => {
    const r = run(["validator", "--out", "no/such/folder/page.html"], tmp())
    expect(r.code).toBe(2)
    expect(r.stderr).toBe("homeward: cannot write no/such/folder/page.html: the folder does not exist\n")
  })

  test("the help lists the command", () => {
    const r = run(["--help"], tmp())
    expect(r.stdout).toContain("validator")
  })
})
