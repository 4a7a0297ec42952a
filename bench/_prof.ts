import { Registry } from "@homeward/core"
import * as FastPath from "../packages/validate/src/internal/fastPath.ts"
import Ajv2020 from "ajv/dist/2020.js"
import addFormats from "ajv-formats"
let seed = 42
const rand = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff }
const sexes = ["female", "male", "other", "unknown"]
const schools = ["enrolled", "not-enrolled", "vocational-training", "not-school-age"]
const sample: any[] = []
for (let i = 1; i <= 200000; i++) {
  const y = 2005 + Math.floor(rand() * 15), m = 1 + Math.floor(rand() * 12), d = 1 + Math.floor(rand() * 28)
  const r: any = { id: `CH-${i}`, givenName: `Sok${i % 97}`, familyName: `Dara, ${i % 89}`, birth: { date: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, estimated: rand() < 0.3, basis: "caregiver-report" }, sex: sexes[i % 4], school: schools[i % 4] }
  if (i % 10 === 0) r.disabilities = ["hearing", "mobility"]
  if (i % 3 === 0) r.siblingIds = [`CH-${i + 1}`, `CH-${i + 2}`]
  sample.push(JSON.parse(JSON.stringify(r)))
}
const AjvCtor: any = (Ajv2020 as any).default ?? Ajv2020
const ajv = new AjvCtor({ allErrors: true, strict: false })
;((addFormats as any).default ?? addFormats)(ajv)
const av = ajv.compile(Registry.jsonSchema("child"))
const g = FastPath.compile(Registry.records.child)
const gc = FastPath.compile(Registry.records.child, { codegen: false })
const t = (f: (r: any) => boolean) => { let best = 1e9; for (let k = 0; k < 5; k++) { const s = performance.now(); let ok = 0; for (const r of sample) if (f(r)) ok++; best = Math.min(best, performance.now() - s) } return best }
for (let round = 0; round < 3; round++) {
const ta = t((r) => av(r)), tg = t(g), tc = t(gc)
console.log(`ajv ${(ta/200).toFixed(3)} µs/row, codegen ${(tg/200).toFixed(3)} µs/row (${(ta/tg).toFixed(2)}×), closures ${(tc/200).toFixed(3)} (${(ta/tc).toFixed(2)}×)`)
}
