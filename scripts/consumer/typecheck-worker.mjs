// Typechecks a program in a worker thread (the consumer check runs the
// `bundler` typecheck beside the `nodenext` one): posts the diagnostics as
// { file, line, column, message }.
import { parentPort, workerData } from "node:worker_threads"
import ts from "typescript"

const { rootNames, options } = workerData
const program = ts.createProgram(rootNames, options)
parentPort.postMessage(
  ts.getPreEmitDiagnostics(program).map((d) => {
    const at = d.file?.getLineAndCharacterOfPosition(d.start ?? 0)
    return {
      file: d.file?.fileName,
      line: at === undefined ? undefined : at.line + 1,
      column: at === undefined ? undefined : at.character + 1,
      message: ts.flattenDiagnosticMessageText(d.messageText, "\n")
    }
  })
)
