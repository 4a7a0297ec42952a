// Code blocks of the Markdown documentation, as the consumer check runs them.
//
// Every fenced block states its language. `ts`, `js` and `sh` blocks run
// against the installed packages; other languages (json, csv, text, …) are
// data or output and are not run. Words after the language (the "info
// string") say how a block is checked:
//
//   fragment   continues the previous block of the same language in the same
//              file; they are joined into one program (or one shell script)
//   no-run     not run: a ts block is still typechecked; say in the prose why
//              (e.g. commands for a clone of the repository)
//   exit=N     (sh) the block must end with exit status N (default 0)
//   file=NAME  the block's text is written to NAME in the document's working
//              directory, where later blocks of the same document can read it
//   output     (any language, usually text) the exact standard output of the
//              previous program of the same file (trailing spaces ignored)
//
// For example ```` ```ts fragment ````, ```` ```sh exit=1 ````,
// ```` ```json file=mapping.json ````, ```` ```text output ````.

export const runnable = new Set(["ts", "js", "sh"])
const aliases = { typescript: "ts", javascript: "js", mjs: "js", bash: "sh", shell: "sh" }

/**
 * The fenced blocks of a Markdown text: `{ line, lang, text, fragment, noRun,
 * exit, file }`, `line` being the 1-based line of the opening fence. Problems
 * (a block without a language, an unknown word in an info string, a fragment
 * with nothing to continue) are returned in `errors` with their line.
 */
export const parseBlocks = (markdown) => {
  const lines = markdown.split("\n")
  const blocks = []
  const errors = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(.*)$/.exec(lines[i])
    if (open === null) continue
    const [, indent, fence, info] = open
    const body = []
    let j = i + 1
    for (; j < lines.length; j++) {
      const close = /^(\s*)(`{3,}|~{3,})\s*$/.exec(lines[j])
      if (close !== null && close[2][0] === fence[0] && close[2].length >= fence.length) break
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j].trimStart())
    }
    const line = i + 1
    const words = info
      .trim()
      .split(/\s+/)
      .filter((w) => w.length > 0)
    const block = {
      line,
      lang: "",
      text: body.join("\n"),
      fragment: false,
      noRun: false,
      exit: 0,
      file: undefined,
      output: false
    }
    if (words.length === 0) {
      errors.push({
        line,
        message:
          "a fenced block without a language: say what it is (```text for output, ```sh no-run for commands not run here)"
      })
    } else {
      block.lang = aliases[words[0]] ?? words[0]
      for (const w of words.slice(1)) {
        if (w === "fragment") block.fragment = true
        else if (w === "no-run") block.noRun = true
        else if (w === "output") block.output = true
        else if (/^exit=\d+$/.test(w)) block.exit = Number(w.slice(5))
        else if (/^file=[\w.-]+$/.test(w)) block.file = w.slice(5)
        else errors.push({ line, message: `unknown word "${w}" in the info string "${info.trim()}"` })
      }
    }
    blocks.push(block)
    i = j
  }
  return { blocks, errors }
}

/**
 * The programs of a document, in order: runnable blocks with their fragments
 * joined (`{ kind: "program", lang, line, text, noRun, exit, lines }`,
 * `lines[k]` being the Markdown line of the program's line k + 1),
 * `{ kind: "file", file, text }` for `file=` blocks and
 * `{ kind: "output", text, program }` for `output` blocks.
 */
export const programs = (markdown) => {
  const { blocks, errors } = parseBlocks(markdown)
  const out = []
  const last = {}
  let previous
  for (const b of blocks) {
    if (b.output) {
      if (previous === undefined || previous.noRun)
        errors.push({ line: b.line, message: "an output block with no program run before it" })
      else out.push({ kind: "output", line: b.line, text: b.text, program: previous })
      continue
    }
    if (b.file !== undefined) {
      out.push({ kind: "file", line: b.line, file: b.file, text: `${b.text}\n` })
      continue
    }
    if (!runnable.has(b.lang)) continue
    const origin = b.text.split("\n").map((_, k) => b.line + 1 + k)
    if (b.fragment) {
      const head = last[b.lang]
      if (head === undefined) {
        errors.push({ line: b.line, message: `a ${b.lang} fragment with no earlier ${b.lang} block to continue` })
        continue
      }
      head.text += `\n${b.text}`
      head.lines.push(...origin)
      continue
    }
    const p = { kind: "program", lang: b.lang, line: b.line, text: b.text, noRun: b.noRun, exit: b.exit, lines: origin }
    last[b.lang] = p
    previous = p
    out.push(p)
  }
  return { programs: out, errors }
}
