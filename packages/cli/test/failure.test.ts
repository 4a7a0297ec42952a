import { Cause, Exit } from "effect"
import { CliError } from "effect/cli"
import { describe, expect, it } from "vitest"
import { describeFailure, onExit } from "../src/internal/failure.js"

const errno = (code: string, syscall: string, path: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: x, ${syscall} '${path}'`), { code, syscall, path })

describe("top-level failure handling (internal/failure)", () => {
  it("file-system errors name the operation, the path and the reason in one line", () => {
    expect(describeFailure(errno("ENOENT", "open", "/nonexistent/r.html"))).toBe(
      "cannot open /nonexistent/r.html: no such file or directory (ENOENT)"
    )
    expect(describeFailure(errno("EACCES", "open", "/root/x.csv"))).toBe(
      "cannot open /root/x.csv: permission denied (EACCES)"
    )
    expect(describeFailure(errno("EISDIR", "open", "/tmp"))).toBe("cannot open /tmp: is a directory (EISDIR)")
  })

  it("other errors: one line, bounded; a SyntaxError's message (which can quote input data) is withheld", () => {
    expect(describeFailure(new TypeError("boom\nsecond line"))).toBe("unexpected failure: TypeError: boom")
    expect(describeFailure(new RangeError("x".repeat(1000))).length).toBeLessThan(340)
    const planted = "Sokha Chan 012 345 678"
    let syntax: unknown
    try {
      JSON.parse(`{"name": ${planted}}`)
    } catch (e) {
      syntax = e
    }
    expect(describeFailure(syntax)).not.toContain("Sokha")
    expect(describeFailure("a string")).toBe("unexpected failure (string)")
  })

  it("onExit: success is silent; a defect or an unexpected failure gets its line; parse errors are left to the runner", () => {
    expect(onExit(Exit.succeed(undefined))).toEqual({ code: 0 })
    expect(onExit(Exit.die(errno("EEXIST", "mkdir", "x.csv")))).toEqual({
      code: 2,
      line: "homeward: cannot mkdir x.csv: already exists (EEXIST)"
    })
    expect(onExit(Exit.fail(new Error("nope")))).toEqual({ code: 2, line: "homeward: unexpected failure: Error: nope" })
    expect(
      onExit(
        Exit.fail(
          new CliError.ShowHelp({ commandPath: ["homeward"], errors: [new CliError.MissingOption({ option: "db" })] })
        )
      )
    ).toEqual({ code: 2 })
    expect(onExit(Exit.fail(new CliError.ShowHelp({ commandPath: ["homeward"], errors: [] })))).toEqual({
      code: 2,
      line: "homeward: no command given: choose one of the commands listed above"
    })
    expect(onExit(Exit.failCause(Cause.interrupt()))).toEqual({ code: 2, line: "homeward: interrupted" })
  })
})
