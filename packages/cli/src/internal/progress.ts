/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
export interface Progress {
  readonly update: (rows: number, fraction: number | undefined) => void
  readonly done: () => void
}

const none: Progress = { update: () => undefined, done: () => undefined }

export const make = (stream: NodeJS.WriteStream = process.stderr): Progress => {
  if (!stream.isTTY) return none
  let last = 0
  let drawn = false
  return {
    update: (rows, fraction) => {
      const now = Date.now()
      if (now - last < 100 && fraction !== 1) return
      last = now
      const width = 30
      const bar =
        fraction === undefined
          ? ""
          : `[${"#".repeat(Math.round(fraction * width))}${"-".repeat(width - Math.round(fraction * width))}] ${String(Math.floor(fraction * 100)).padStart(3)}% `
      stream.write(`\r${bar}${rows.toLocaleString("en-US")} rows`)
      drawn = true
    },
    done: () => {
      if (drawn) stream.write("\r\u001b[2K")
    }
  }
}
