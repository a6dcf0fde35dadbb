/**
 * Text from outside (a bundle file, the cloud, a robot's answer) made safe to print on a terminal, in a CI
 * log or in a log file: control characters are written as escapes, so such text can neither start a line
 * of its own (a key holding "\n::error …" forging a CI annotation) nor send an escape sequence to the
 * terminal. Covers C0 and C1 controls, DEL, the Unicode line and paragraph separators and the bidi controls
 * (which can make a line read differently from what it holds).
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/** The same, without the newline: for text whose lines are ours, after each field was escaped. */
const UNSAFE_BUT_NEWLINE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/** What JSON.stringify leaves as it is (it escapes C0 controls itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' }
const hex = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
const escape = (c: string): string => NAMED[c] ?? hex(c)

/** One field of text, on one line, with every control character escaped (`\n`, `\e`, `\u009b`…). */
export function printable(text: string): string {
  return text.replace(UNSAFE, escape)
}

/** Text made of lines we wrote: its newlines stay, any other control character is escaped. */
export function printableLines(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escape)
}

/** JSON text with the characters JSON.stringify leaves raw escaped too (`\u2028`, C1 controls): still valid JSON. */
export function printableJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, hex)
}
