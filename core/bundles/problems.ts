import type { BundleProblem } from '@shared/bundle'
import type { Locale } from '@shared/locale'
import { formatMessage, hasMessage } from '@shared/messages'
import { printable } from '@shared/printable'

/** A problem before it is localized: where (pointer, and a position once known), which rule, which code. */
export interface RawProblem {
  pointer: string
  ruleId: string
  severity: 'error' | 'warning'
  code: string
  params: Record<string, unknown>
  /** The workspace's index in the file. */
  workspace?: number
  /** Line and column, when known already (syntax errors); else found from the pointer. */
  at?: { line: number; column: number }
}

/**
 * At most `max` problems, errors first, then a note of how many there were in all: a file with a million
 * mistakes gets a report of bounded size (and bounded work to place each problem on its line).
 */
export function capProblems(problems: RawProblem[], max: number): RawProblem[] {
  if (problems.length <= max) return problems
  const errors = problems.filter((p) => p.severity === 'error')
  const kept = [...errors, ...problems.filter((p) => p.severity !== 'error')].slice(0, max)
  kept.push({
    pointer: '',
    ruleId: 'D4',
    severity: 'warning',
    code: 'BUNDLE_PROBLEMS_TRUNCATED',
    params: { shown: max, total: problems.length },
  })
  return kept
}

/** The fix hint of a rule: `BUNDLE_HINT_<ruleId>`, else the file-format hint. */
export function hintFor(locale: Locale, ruleId: string): string {
  const code = `BUNDLE_HINT_${ruleId}`
  return formatMessage(locale, hasMessage(code) ? code : 'BUNDLE_HINT_D4')
}

/** Problems as the user sees them: file, line, column, rule, message and hint in their language. */
export function localizeProblems(
  raw: readonly RawProblem[],
  file: string,
  locale: Locale,
  positionOf: (pointer: string) => { line: number; column: number },
): BundleProblem[] {
  return raw.map((p) => {
    const at = p.at ?? positionOf(p.pointer)
    const out: BundleProblem = {
      file,
      line: at.line,
      column: at.column,
      pointer: p.pointer,
      ruleId: p.ruleId,
      severity: p.severity,
      code: p.code,
      params: p.params,
      message: formatMessage(locale, p.code, p.params),
      hint: hintFor(locale, p.ruleId),
    }
    if (p.workspace !== undefined) out.workspace = p.workspace
    return out
  })
}

/**
 * `file:line:column: severity [rule] message` and an indented hint, as compilers print them. Messages quote
 * the file (a key, a value): every field is escaped, so text from the file never starts a line of its own.
 */
export function formatProblemLine(p: BundleProblem): string {
  const file = printable(p.file)
  const where = p.line > 0 ? `${file}:${p.line}:${p.column}` : file
  return `${where}: ${p.severity} [${printable(p.ruleId)}] ${printable(p.message)}\n    hint: ${printable(p.hint)}`
}
