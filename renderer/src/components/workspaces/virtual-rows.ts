import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/** Rows drawn above and below the visible ones, so a fast scroll rarely shows an empty band. */
const OVERSCAN = 4

/**
 * A window over a long list of fixed-height rows: which indexes to draw for the scroll position of `scroller`.
 * Only `start` and the viewport's height are reactive, so a scroll inside the same row costs nothing.
 */
export function useVirtualRows(
  scroller: Ref<HTMLElement | null>,
  total: Ref<number>,
  rowHeight: number,
  headerHeight: number,
  /** The scroller's height before it is measured (from its CSS): right, the measure changes nothing. */
  estimate: () => number = () => window.innerHeight,
) {
  const start = ref(0)
  // Before the first measure, so that the first render already holds a screenful of rows, and the pool (the rows'
  // keys) stays as it is when the size comes: a changed pool would draw every row again.
  const viewport = ref(estimate())
  // The first render draws the rows in view only; the rows around them come once that frame is painted.
  const overscan = ref(0)

  /** On scroll: only the scroll position is read (reading sizes there could force a layout every frame). */
  function onScroll(): void {
    const el = scroller.value
    if (!el) return
    const first = Math.max(0, Math.floor((el.scrollTop - headerHeight) / rowHeight) - OVERSCAN)
    if (first !== start.value) start.value = first
  }

  let resize: ResizeObserver | undefined
  // The observer reports the first size too, after layout: measuring in onMounted would force a layout early.
  onMounted(() => {
    resize = new ResizeObserver(([entry]) => {
      const h = entry?.contentRect.height ?? 0
      if (h > 0 && h !== viewport.value) viewport.value = h
      onScroll()
    })
    if (scroller.value) resize.observe(scroller.value)
    requestAnimationFrame(() => setTimeout(() => (overscan.value = OVERSCAN), 0))
  })
  onBeforeUnmount(() => resize?.disconnect())

  /** The row indexes to draw, first to last. */
  const indexes = computed(() => {
    const count = Math.ceil(viewport.value / rowHeight) + 2 * overscan.value
    const first = Math.min(start.value, Math.max(0, total.value - count))
    const last = Math.min(total.value, first + count)
    const out: number[] = []
    for (let i = first; i < last; i++) out.push(i)
    return out
  })
  /** The pool size: a row keeps its DOM node (key `index % pool`) while it stays in the window. */
  const pool = computed(() => Math.ceil(viewport.value / rowHeight) + 2 * OVERSCAN)

  return { indexes, pool, onScroll }
}
