import { BUNDLE_LIMITS } from '@shared/bundle'

/**
 * Cheap checks on the raw text before any parser runs (the parsers recurse, so nesting is bounded first).
 * Every check here is one pass over the text: a hostile file (a 256 KiB line of escaped quotes, say) costs
 * the same as any other file of its size.
 */

const LINE_END = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029

/**
 * Where a double-quoted string that opens at `open` ends: the index after its closing quote, or `-(stop + 1)`
 * when it does not close on its line (a line end, a backslash before a line end, or the end of the text).
 * A string never spans lines here: an unterminated quote must not hide the brackets on the lines after it.
 */
function scanQuoted(text: string, open: number): number {
  let i = open + 1
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === 0x22) return i + 1
    if (c === 0x0a) return -(i + 1)
    if (c === 0x5c) {
      if (i + 1 >= text.length || LINE_END(text.charCodeAt(i + 1))) return -(i + 1)
      i += 2
    } else i++
  }
  return -(i + 1)
}

/**
 * Whether flow collections (`[`, `{`) nest deeper than `max`, not counting brackets inside double-quoted
 * strings that close on their line. One pass: when a quote does not close, no later quote before the same
 * stop can close either (it lies inside the first one's escapes), so the scan never looks at a stretch twice.
 */
export function flowNestingExceeds(text: string, max: number): boolean {
  let depth = 0
  let noStringBefore = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22 && i >= noStringBefore) {
      const end = scanQuoted(text, i)
      if (end > 0) i = end - 1
      else noStringBefore = -end - 1
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--
    }
  }
  return false
}

/** Whether a line is indented by more than `max` levels of 8 spaces (block nesting, bounded the same way). */
function blockIndentExceeds(text: string, max: number): boolean {
  const limit = max * 8
  let run = 0
  let atLineStart = true
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a) {
      atLineStart = true
      run = 0
    } else if (atLineStart && c === 0x20) {
      if (++run > limit) return true
    } else atLineStart = false
  }
  return false
}

/** Nesting deeper than the bundle limit, in flow or block style. */
export function tooDeep(text: string): boolean {
  return blockIndentExceeds(text, BUNDLE_LIMITS.maxDepth) || flowNestingExceeds(text, BUNDLE_LIMITS.maxDepth)
}

/**
 * Whether the text may hold a YAML anchor, alias or tag: those (and alias bombs) go to the `yaml` library,
 * which caps aliases. A false alarm only costs speed.
 */
export function mayHaveAnchorsOrTags(text: string): boolean {
  return /(^|[\s,[{:-])[&*!]/.test(text)
}
