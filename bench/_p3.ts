import { Validate } from "@homeward/cli"
const file = process.argv[2] as string
const checks = process.argv[3] !== "off"
for (let k = 0; k < 4; k++) await Validate.validateFile(file, { as: "child", maxProblems: 100, asOf: new Date("2024-06-30"), checks })
