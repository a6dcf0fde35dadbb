import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Logger } from '../../../core/log/logger'

describe('log lines', () => {
  it('D4: text from outside cannot break a log line or reach a terminal raw (one JSON line each)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-log-'))
    const log = new Logger(dir)
    const hostile = 'a.yaml\n::error::forged \u001b[2J \u009b31m \u2028 \u202e'
    log.warn('bundle refused', { file: hostile })
    const text = fs.readFileSync(path.join(dir, 'app.log'), 'utf8')
    expect(text.split('\n').filter(Boolean)).toHaveLength(1)
    expect(text.trimEnd()).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/)
    expect((JSON.parse(text) as { file: string }).file).toBe(hostile)
  })
})
