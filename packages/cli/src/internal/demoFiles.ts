/**
 * File safety for `homeward demo`: it writes only into files it created.
 *
 * - The event store (`--db`) must be a new file, or a store an earlier demo
 *   run created and marked: it carries the table {@link MARKER_TABLE} and was
 *   left in rollback-journal mode, so that checking it opens it read-only
 *   without creating any file next to it. Anything else (a real event store,
 *   another SQLite database, a CSV, an empty file, a directory, a link) is
 *   refused, untouched: nothing is deleted, overwritten or created beside it.
 * - The HTML outputs may replace only files that end with {@link HTML_MARK}
 *   (written by the demo); `institutions.json` only a file with the same
 *   content. `--out` must be a directory (or not exist yet).
 *
 * Every check happens before anything is written.
 */
import { lstat, open, readFile } from "node:fs/promises"

/** The table that marks a SQLite file as a store written by `homeward demo`. */
export const MARKER_TABLE = "homeward_demo"

/** The comment the demo appends to the HTML files it writes. */
export const HTML_MARK = "<!-- written by homeward demo: the next demo run may replace this file -->\n"

const SQLITE_MAGIC = Buffer.from("SQLite format 3\0", "latin1")

/** What the demo may do with a path. */
export type Target =
  | { readonly kind: "new" }
  | { readonly kind: "ours" }
  | { readonly kind: "same" }
  | { readonly kind: "refuse"; readonly reason: string }

const refuse = (reason: string): Target => ({ kind: "refuse", reason })

const stat = async (path: string) => {
  try {
    return await lstat(path)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined
    throw e
  }
}

const head = async (path: string, n: number): Promise<Buffer> => {
  const f = await open(path, "r")
  try {
    const buf = Buffer.alloc(n)
    const { bytesRead } = await f.read(buf, 0, n, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await f.close()
  }
}

/** A demo store: an SQLite file in rollback-journal mode (bytes 18–19 are 1, not WAL's 2) with the marker table. */
const isDemoStore = async (path: string): Promise<boolean> => {
  const h = await head(path, 100)
  if (h.length < 100 || !h.subarray(0, 16).equals(SQLITE_MAGIC) || h[18] !== 1 || h[19] !== 1) return false
  // rollback-journal mode: a read-only connection creates no file and changes nothing
  try {
    const { openSqliteStore } = await import("@homeward/store-sqlite")
    const store = await openSqliteStore(path, { readonly: true })
    try {
      const row = store.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MARKER_TABLE)
      return row !== undefined
    } finally {
      await store.close()
    }
  } catch {
    return false
  }
}

const SIDE_FILES = ["-wal", "-journal", "-shm"] as const

/** May the demo (re)create its event store at `path` (`shown` is the path as the user wrote it)? */
export const checkStore = async (path: string, shown: string): Promise<Target> => {
  const s = await stat(path)
  if (s === undefined) {
    // journal files without their database belong to someone else's database: SQLite would apply them
    for (const side of SIDE_FILES.slice(0, 2))
      if ((await stat(`${path}${side}`)) !== undefined)
        return refuse(
          `--db ${shown}: ${shown}${side} exists without its database; the demo does not touch it: remove it or choose another --db`
        )
    return { kind: "new" }
  }
  if (!s.isFile()) return refuse(`--db ${shown} is not a regular file (a directory or a link): choose another --db`)
  if (!(await isDemoStore(path)))
    return refuse(
      `--db ${shown} already exists and is not a store made by homeward demo; the demo never overwrites a file it did not create: choose a new file name`
    )
  return { kind: "ours" }
}

/** The demo's journal files next to its own store (removed with it). */
export const storeSideFiles = (path: string): ReadonlyArray<string> => SIDE_FILES.map((s) => `${path}${s}`)

/** May the demo write its output directory `dir`? */
export const checkOutDir = async (dir: string, shown: string): Promise<Target> => {
  const s = await stat(dir)
  if (s === undefined) return { kind: "new" }
  if (!s.isDirectory()) return refuse(`--out ${shown} exists and is not a directory: give a directory for the reports`)
  return { kind: "ours" }
}

/** May the demo write the HTML file at `path`? Only a new file or one that a demo wrote. */
export const checkHtml = async (path: string, shown: string): Promise<Target> => {
  const s = await stat(path)
  if (s === undefined) return { kind: "new" }
  const why = `${shown} already exists and was not written by homeward demo; it is not overwritten: choose another --out directory`
  if (!s.isFile()) return refuse(why)
  const mark = Buffer.from(HTML_MARK, "utf8")
  if (s.size < mark.length) return refuse(why)
  const f = await open(path, "r")
  try {
    const tail = Buffer.alloc(mark.length)
    await f.read(tail, 0, mark.length, s.size - mark.length)
    return tail.equals(mark) ? { kind: "ours" } : refuse(why)
  } finally {
    await f.close()
  }
}

/** May the demo write `content` at `path`? A new file, or one with exactly that content (nothing to do). */
export const checkSame = async (path: string, shown: string, content: string): Promise<Target> => {
  const s = await stat(path)
  if (s === undefined) return { kind: "new" }
  if (s.isFile() && s.size === Buffer.byteLength(content) && (await readFile(path, "utf8")) === content)
    return { kind: "same" }
  return refuse(
    `${shown} already exists with other content; the demo never overwrites a file it did not create: move it away or choose another --db directory`
  )
}
