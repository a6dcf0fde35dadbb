/// <reference lib="dom" />
import { median, percentile, type Bench, type BenchFigure } from './types'
import { withRendererHarness } from './renderer-page'

const WORKSPACES = 10_000
/** Wheel bursts down then up through the list, about 4 s of fast scrolling in all. */
const BURSTS = 2
const WHEELS_PER_BURST = 120
const WHEEL_DELTA = 1200

/** Where the longest of the long animation frames went: scripts, style and layout, the rest (paint, waiting). */
function loafNote(loaf: { duration: number; script: number; layout: number }[]): string {
  const worst = loaf.reduce((a, b) => (b.duration > a.duration ? b : a))
  const scripts = loaf.reduce((s, l) => s + l.script, 0) / loaf.length
  return (
    `longest ${Math.round(worst.duration)} ms (scripts ${Math.round(worst.script)}, style+layout ` +
    `${Math.round(worst.layout)}); scripts ${Math.round(scripts)} ms per long frame on average`
  )
}

/** Issue 17 item 4: fast scrolling through 10,000 rows in Chromium; frame durations from requestAnimationFrame. */
const bench: Bench = {
  title: `Workspace list scrolling in Chromium (${WORKSPACES.toLocaleString('en')} cached workspaces)`,
  run: () =>
    withRendererHarness(WORKSPACES, async (browser, url) => {
      const context = await browser.newContext({ viewport: { width: 1360, height: 860 } })
      const page = await context.newPage()
      await page.bringToFront()
      await page.goto(url)
      await page.getByTestId('ws-row').first().waitFor()
      const box = await page.getByTestId('ws-table').boundingBox()
      if (!box) throw new Error('no workspace table')
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
      // Every frame's start, and the long animation frames Chromium reports (script, style, layout and paint).
      // (A string: the bench's compiler would wrap a named function in a helper the page lacks.)
      await page.evaluate(`(() => {
        window.__frames = []
        window.__loaf = []
        window.__run = true
        function tick(t) {
          window.__frames.push(t)
          if (window.__run) requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
        try {
          new PerformanceObserver((list) => {
            for (const e of list.getEntries())
              window.__loaf.push({
                duration: e.duration,
                script: e.scripts.reduce((sum, x) => sum + x.duration, 0),
                layout: e.startTime + e.duration - e.styleAndLayoutStart,
              })
          }).observe({ type: 'long-animation-frame' })
        } catch {
          // An older Chromium without long-animation-frame: the rAF deltas still say it.
        }
      })()`)
      const t0 = Date.now()
      for (let b = 0; b < BURSTS; b++)
        for (let i = 0; i < WHEELS_PER_BURST; i++) await page.mouse.wheel(0, b % 2 === 0 ? WHEEL_DELTA : -WHEEL_DELTA)
      const seconds = (Date.now() - t0) / 1000
      const far = await page.evaluate(() => {
        const w = window as unknown as {
          __frames: number[]
          __loaf: { duration: number; script: number; layout: number }[]
          __run: boolean
        }
        w.__run = false
        return { frames: w.__frames, loaf: w.__loaf }
      })
      // The rows must have moved: far down, then back to the top.
      const firstShown = await page.getByTestId('ws-row').first().getAttribute('data-key')
      await context.close()
      const deltas = far.frames.slice(1).map((t, i) => t - far.frames[i]!)
      if (deltas.length < 10) throw new Error(`only ${deltas.length} frames while scrolling`)
      const maxFrame = Math.max(...deltas)
      const span = (far.frames[far.frames.length - 1]! - far.frames[0]!) / 1000
      const note = `${BURSTS * WHEELS_PER_BURST} wheel events of ${WHEEL_DELTA} px in ${seconds.toFixed(1)} s`
      const figures: BenchFigure[] = [
        {
          name: 'longest frame while fast scrolling (rAF delta)',
          value: Math.round(maxFrame),
          unit: 'ms',
          target: 'no frame > 50 ms',
          ok: maxFrame <= 50,
          note,
        },
        {
          name: 'p95 frame while fast scrolling',
          value: Math.round(percentile(deltas, 95) * 10) / 10,
          unit: 'ms',
          note: `median ${median(deltas).toFixed(1)} ms`,
        },
        {
          name: 'frames per second while fast scrolling',
          value: Math.round(deltas.length / span),
          unit: 'fps',
          note: `${deltas.length} frames; back at the top: ${firstShown ?? '-'}`,
        },
        {
          name: 'long animation frames (> 50 ms, Chromium LoAF)',
          value: far.loaf.length,
          unit: '',
          note: far.loaf.length ? loafNote(far.loaf) : 'none',
        },
      ]
      return figures
    }),
}
export default bench
