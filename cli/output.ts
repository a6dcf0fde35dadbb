/** Output for people (tables, on a terminal) or for scripts (`--output json`, one JSON document on stdout). */

export type OutputMode = 'table' | 'json'

export interface Out {
  mode: OutputMode
  /** The command's result: JSON in json mode, else the human rendering given. */
  result(value: unknown, human: () => string): void
  /** Human notes on stderr (never in json mode's stdout). */
  note(text: string): void
  /** A progress line on a terminal only; nothing when stderr is piped. */
  progress(text: string): void
  endProgress(): void
}

export function createOut(
  mode: OutputMode,
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
): Out {
  let progressShown = false
  return {
    mode,
    result(value, human) {
      if (mode === 'json') stdout.write(JSON.stringify(value, null, 2) + '\n')
      else {
        const text = human()
        if (text) stdout.write(text.endsWith('\n') ? text : text + '\n')
      }
    },
    note(text) {
      stderr.write(text + '\n')
    },
    progress(text) {
      if (!stderr.isTTY) return
      stderr.write(`\r\u001b[2K${text}`)
      progressShown = true
    },
    endProgress() {
      if (progressShown) stderr.write('\r\u001b[2K')
      progressShown = false
    },
  }
}

/** Display width: East Asian wide characters take two columns. */
function width(s: string): number {
  let w = 0
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1
  return w
}

/** A plain text table with a header row. */
export function table(headers: string[], rows: Array<Array<string | number | boolean | null | undefined>>): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))))
  const line = (r: string[]): string =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c))))
      .join('  ')
      .trimEnd()
  return [line(headers), ...cells.map(line)].join('\n')
}
