import { Validate } from "@homeward/cli"
const file = process.argv[2] as string
for (let k = 0; k < 4; k++) {
  for (const checks of [true, false]) {
    const c = process.cpuUsage()
    const r = await Validate.validateFile(file, { as: "child", maxProblems: 100, asOf: new Date("2024-06-30"), checks })
    const u = process.cpuUsage(c)
    console.log(checks ? "checks" : "none  ", r.rows, Math.round((u.user + u.system) / 1000), "ms cpu")
  }
}
