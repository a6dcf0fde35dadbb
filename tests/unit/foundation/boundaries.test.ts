import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Who may import whom is dependency-cruiser's job (.dependency-cruiser.cjs, run by `npm run lint`). This file
// keeps only what an import graph cannot show: the shape of electron/ and calls that need no import.

const root = path.resolve(__dirname, '../../..')

function files(dir: string, exts = ['.ts', '.vue']): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (exts.some((x) => e.name.endsWith(x))) out.push(p)
    }
  }
  walk(path.join(root, dir))
  return out
}

describe('architecture boundaries an import graph cannot show', () => {
  it('electron/ holds only the Electron shell: main and preload', () => {
    expect(fs.readdirSync(path.join(root, 'electron')).sort()).toEqual(['main', 'preload'])
  })
  it('D3: only the core calls the cloud: outside its bridge the renderer makes no network call', () => {
    const offenders = files('renderer/src')
      .filter((f) => !f.includes(`${path.sep}bridge${path.sep}`))
      .filter((f) =>
        /\bfetch\(|XMLHttpRequest|new EventSource|new WebSocket|navigator\.sendBeacon/.test(fs.readFileSync(f, 'utf8')),
      )
    expect(offenders).toEqual([])
    // ...and the bridge talks only to the contract's transports (the preload API or the harness's /api/).
    const bridge = files('renderer/src/bridge')
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n')
    const urls = bridge.match(/fetch\(`([^`]*)`/g) ?? []
    expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) expect(url).toContain('/api/')
  })
})
