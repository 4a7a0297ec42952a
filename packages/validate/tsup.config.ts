import { packageConfig } from "../../tsup.shared.js"

export default packageConfig(["src/index.ts"], { target: "es2022" })
