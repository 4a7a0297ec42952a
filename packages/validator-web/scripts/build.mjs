#!/usr/bin/env node
// Builds dist/validator.html: one self-contained page (the app, the Web
// Worker as a string turned into a blob: URL, the styles and the Khmer font
// as a data: URL) that works from file:// and from any static host, under a
// Content-Security-Policy that forbids every connection.
//
//   node scripts/build.mjs            build
//   node scripts/build.mjs --sizes    build and print the sizes (raw and gzip)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { build } from "esbuild"

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..")
const out = join(pkg, "dist", "validator.html")

/** The page's CSP; the same text as `Page.contentSecurityPolicy` (a test checks it). */
const CSP =
  "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; style-src 'unsafe-inline'; font-src data:; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"

const common = {
  bundle: true,
  minify: true,
  write: false,
  platform: "browser",
  target: ["chrome100", "firefox100", "safari15", "edge100"],
  // the workspace's sources (no build of the other packages needed)
  conditions: ["@homeward/source"],
  legalComments: "none",
  logLevel: "warning"
}

const worker = await build({ ...common, entryPoints: [join(pkg, "page/worker.ts")], format: "iife" })
const workerJs = worker.outputFiles[0].text
const app = await build({
  ...common,
  entryPoints: [join(pkg, "page/app.ts")],
  format: "iife",
  define: { WORKER_SOURCE: JSON.stringify(workerJs) }
})
// a script ends at the first "</script" whatever the JS means: escape it
const appJs = app.outputFiles[0].text.replace(/<\/(script)/gi, "<\\/$1")
// the other two sequences that change how HTML reads a script's text: none may be left
if (/<!--|<script/i.test(appJs))
  throw new Error("the page's script holds <!-- or <script: it would not be read as written")

const font = readFileSync(join(pkg, "fonts", "KhmerOSsiemreap.ttf")).toString("base64")

const css = `
@font-face{font-family:"Homeward Khmer";src:url(data:font/ttf;base64,${font}) format("truetype");font-display:block}
:root{--ink:#1d2733;--muted:#5b6675;--line:#d6dbe1;--accent:#0b6e4f;--bad:#a4262c;--warn:#8a5a00;--bg:#f6f7f9}
*{box-sizing:border-box}
html{font-family:system-ui,"Segoe UI",Roboto,Arial,"Homeward Khmer",sans-serif;color:var(--ink);background:var(--bg)}
html:lang(km){font-family:"Homeward Khmer",system-ui,"Segoe UI",Arial,sans-serif;line-height:1.7}
body{margin:0 auto;max-width:1100px;padding:1rem 1.25rem 3rem}
header{display:flex;justify-content:space-between;align-items:flex-start;gap:1rem;flex-wrap:wrap}
h1{font-size:1.5rem;margin:.2rem 0}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
p{margin:.3rem 0}
.muted{color:var(--muted);font-size:.9rem}
.langs button{border:1px solid var(--line);background:#fff;padding:.35rem .7rem;cursor:pointer;font:inherit}
.langs button[aria-pressed=true]{background:var(--accent);color:#fff;border-color:var(--accent)}
form{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem;margin-top:1rem;display:grid;gap:.8rem}
label{display:grid;gap:.25rem;font-weight:600}
select,input[type=date],input[type=text]{font:inherit;padding:.35rem;border:1px solid var(--line);border-radius:4px;max-width:100%}
#drop{border:2px dashed var(--line);border-radius:8px;padding:1rem;text-align:center;background:#fbfcfd}
#drop.over{border-color:var(--accent);background:#eef8f3}
#chosen{font-weight:600;margin-top:.4rem}
.row{display:flex;gap:1rem;flex-wrap:wrap}.row>label{flex:1 1 14rem}
button.primary,#results button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
#results button.secondary,#more{background:#fff;color:var(--accent)}
button:disabled{opacity:.5;cursor:wait}
#progress{display:flex;align-items:center;gap:.6rem}#bar{flex:1;height:1rem}
#status.error{color:var(--bad);font-weight:600}
.counts{display:flex;gap:.6rem;flex-wrap:wrap}
.count{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.5rem .9rem;min-width:8rem}
.count .n{display:block;font-size:1.5rem;font-weight:700}
.count .k{color:var(--muted);font-size:.9rem}
#verdict{font-weight:700;margin:.8rem 0}#verdict.ok{color:var(--accent)}#verdict.bad{color:var(--bad)}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.92rem}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f4}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.warning td:first-child,td.warning{color:var(--warn)}
tr.error td:first-child,td.error{color:var(--bad)}
.filters{display:flex;gap:.6rem;flex-wrap:wrap;align-items:end;margin:.5rem 0}
.filters label{font-weight:400;font-size:.9rem}
.actions{display:flex;gap:.6rem;flex-wrap:wrap;margin:.8rem 0}
footer{margin-top:2rem}
[hidden]{display:none!important}
`

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Homeward data check</title>
<style>${css}</style>
</head>
<body data-state="loading">
<header>
<div><h1 data-l10n="title"></h1><p data-l10n="intro"></p></div>
<div class="langs" role="group" aria-label="Language / ភាសា"><button type="button" data-lang="en" lang="en">English</button><button type="button" data-lang="km" lang="km">ខ្មែរ</button></div>
</header>
<form id="form" onsubmit="return false">
<div id="drop"><label><span data-l10n="drop"></span><input id="file" type="file" accept=".csv,.tsv,.txt,.xlsx,.xlsm,.json,.jsonl,.ndjson"></label><div id="chosen"></div></div>
<div class="row">
<label><span data-l10n="kind"></span><select id="kind">
<optgroup data-l10n-label="presets"><option value="oscar" data-l10n="oscar"></option><option value="primero" data-l10n="primero"></option><option value="own" data-l10n="own"></option></optgroup>
<optgroup id="types" data-l10n-label="recordTypes"></optgroup>
</select></label>
<label id="mapping-row"><span data-l10n="mappingFile"></span><input id="mapping" type="file" accept=".json"></label>
</div>
<div class="row">
<label><span data-l10n="dates"></span><select id="dates"><option value="" data-l10n="datesIso"></option><option value="dmy" data-l10n="datesDmy"></option><option value="mdy" data-l10n="datesMdy"></option></select></label>
<label><span data-l10n="asOf"></span><input id="asof" type="date"></label>
</div>
<div><button id="check" class="primary" type="button" data-l10n="check"></button></div>
<div id="progress" hidden><progress id="bar" max="1" value="0"></progress></div>
<div id="status" role="status" aria-live="polite"></div>
</form>
<section id="results" hidden>
<h2 data-l10n="summary"></h2>
<div id="counts" class="counts"></div>
<p id="verdict"></p>
<p id="truncated" class="muted"></p>
<div class="actions"><button id="dl-csv" type="button" data-l10n="downloadCsv"></button><button id="dl-json" type="button" class="secondary" data-l10n="downloadJson"></button></div>
<h2 data-l10n="byColumn"></h2>
<table id="by-column"></table>
<h2 data-l10n="problems"></h2>
<div class="filters">
<label><span data-l10n="filterColumn"></span><select id="f-column"></select></label>
<label><span data-l10n="filterRule"></span><select id="f-rule"></select></label>
<label><span data-l10n="filterSeverity"></span><select id="f-severity"></select></label>
<label><span data-l10n="filterText"></span><input id="f-text" type="text"></label>
</div>
<p id="showing" class="muted"></p>
<table id="problems"></table>
<p id="none" data-l10n="noProblems" hidden></p>
<p><button id="more" type="button" data-l10n="more" hidden></button></p>
</section>
<footer class="muted"><p data-l10n="privacy"></p><p data-l10n="offline"></p></footer>
<script>${appJs}</script>
</body>
</html>
`

mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, html)
if (process.argv.includes("--sizes")) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`
  const size = (s) => `${kb(Buffer.byteLength(s))} (gzip ${kb(gzipSync(s, { level: 9 }).length)})`
  // the app alone: built again without the worker's code in it
  const bare = await build({
    ...common,
    entryPoints: [join(pkg, "page/app.ts")],
    format: "iife",
    define: { WORKER_SOURCE: '""' }
  })
  console.log(
    `page ${size(html)}; app ${size(bare.outputFiles[0].text)}; worker ${size(workerJs)}; font as base64 ${size(font)}`
  )
}
