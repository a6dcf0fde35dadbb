import { printable, printableJson, printableLines } from '@shared/printable'

/**
 * Output for people (tables, on a terminal) or for scripts (`--output json`, one JSON document on stdout).
 * Nothing from outside reaches the terminal as it is: each table cell is escaped (it cannot start a line),
 * and any control character left in the text is escaped on the way out; JSON escapes every control character.
 */

/** csv: `access list` writes CSV; every other command prints its table. */
export type OutputMode = 'table' | 'json' | 'csv'

export interface Out {
  mode: OutputMode
  /** The command's result: JSON in json mode, else the human rendering given. */
  result(value: unknown, human: () => string): void
  /** File content the user asked for on stdout (an export): written exactly, in either mode. */
  content(text: string): void
  /** Human text on stdout (table mode only). */
  text(text: string): void
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
  const text = (t: string): void => {
    if (mode === 'json' || !t) return
    stdout.write(printableLines(t.endsWith('\n') ? t : t + '\n'))
  }
  return {
    mode,
    result(value, human) {
      if (mode === 'json') stdout.write(json(value) + '\n')
      else text(human())
    },
    content(t) {
      stdout.write(t)
    },
    text,
    note(text) {
      stderr.write(printableLines(text) + '\n')
    },
    progress(text) {
      if (!stderr.isTTY) return
      stderr.write(`\r\u001b[2K${printable(text)}`)
      progressShown = true
    },
    endProgress() {
      if (progressShown) stderr.write('\r\u001b[2K')
      progressShown = false
    },
  }
}

/** A JSON document for scripts: every control character escaped, so no line holds raw text from outside. */
export function json(value: unknown): string {
  return printableJson(JSON.stringify(value, null, 2))
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
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : printable(String(c)))))
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))))
  const line = (r: string[]): string =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c))))
      .join('  ')
      .trimEnd()
  return [line(headers), ...cells.map(line)].join('\n')
}
