import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/** Rows and columns drawn beyond the visible ones, so a fast scroll rarely shows an empty band. */
const ROW_OVERSCAN = 4
const COL_OVERSCAN = 2

/** The grid's fixed sizes in pixels. */
export interface GridGeometry {
  rowHeight: number
  headerHeight: number
  /** The width of the columns that stay on the left (user, count). */
  fixedWidth: number
  colWidth: number
}

/**
 * A window over a grid of fixed-size rows and columns, virtualized both ways: which row indexes and which column
 * range to draw for the scroll position of `scroller`. Only the first row, the first column and the viewport's
 * size are reactive, so a scroll inside the same cell costs nothing.
 */
export function useGridWindow(
  scroller: Ref<HTMLElement | null>,
  rows: Ref<number>,
  cols: Ref<number>,
  g: GridGeometry,
) {
  const startRow = ref(0)
  const startCol = ref(0)
  // Before the first measure: the window's size, so the first render already holds a screenful.
  const height = ref(window.innerHeight)
  const width = ref(window.innerWidth)

  /** On scroll: only the scroll position is read (reading sizes there could force a layout every frame). */
  function onScroll(): void {
    const el = scroller.value
    if (!el) return
    const r = Math.max(0, Math.floor(el.scrollTop / g.rowHeight) - ROW_OVERSCAN)
    const c = Math.max(0, Math.floor(el.scrollLeft / g.colWidth) - COL_OVERSCAN)
    if (r !== startRow.value) startRow.value = r
    if (c !== startCol.value) startCol.value = c
  }

  let resize: ResizeObserver | undefined
  // The observer reports the first size too, after layout: measuring in onMounted would force a layout early.
  onMounted(() => {
    resize = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect
      if (box && box.height > 0 && box.height !== height.value) height.value = box.height
      if (box && box.width > 0 && box.width !== width.value) width.value = box.width
      onScroll()
    })
    if (scroller.value) resize.observe(scroller.value)
  })
  onBeforeUnmount(() => resize?.disconnect())

  /** How many rows the window holds: a row keeps its DOM node (key `index % rowPool`) while it stays in it. */
  const rowPool = computed(() => Math.ceil((height.value - g.headerHeight) / g.rowHeight) + 1 + 2 * ROW_OVERSCAN)
  /** The row indexes to draw, first to last. */
  const rowIndexes = computed(() => {
    const count = rowPool.value
    const first = Math.min(startRow.value, Math.max(0, rows.value - count))
    const last = Math.min(rows.value, first + count)
    const out: number[] = []
    for (let i = first; i < last; i++) out.push(i)
    return out
  })
  /** The column indexes to draw (a column keeps its node under key `index % colPool`). */
  const colPool = computed(() => Math.ceil(Math.max(0, width.value - g.fixedWidth) / g.colWidth) + 1 + 2 * COL_OVERSCAN)
  const colIndexes = computed(() => {
    const count = colPool.value
    const first = Math.min(startCol.value, Math.max(0, cols.value - count))
    const last = Math.min(cols.value, first + count)
    const out: number[] = []
    for (let j = first; j < last; j++) out.push(j)
    return out
  })

  return { rowIndexes, rowPool, colIndexes, colPool, onScroll }
}
