/** One page of a PageNumber/PageSize list (AIWorkSpace style, docs/pai-api-facts.md §1 conventions). */
export interface Page<T> {
  items: T[]
  totalCount: number
  pageNumber: number
  pageSize: number
  requestId?: string
}

/** The largest page the client asks for. */
export const PAGE_SIZE = 100
/** A guard against a server that never stops paging. */
const MAX_PAGES = 1000

/**
 * Reads every page: stops at a short or empty page, or once `TotalCount` items are in. Items seen on an
 * earlier page (the list shifted while paging) are not dropped; callers de-duplicate by ID if they need to.
 */
export async function collectPages<T>(
  fetchPage: (pageNumber: number, pageSize: number) => Promise<Page<T>>,
  pageSize = PAGE_SIZE,
): Promise<T[]> {
  const out: T[] = []
  for (let n = 1; n <= MAX_PAGES; n++) {
    const page = await fetchPage(n, pageSize)
    out.push(...page.items)
    if (
      page.items.length === 0 ||
      page.items.length < pageSize ||
      (page.totalCount > 0 && out.length >= page.totalCount)
    )
      break
  }
  return out
}

/** Reads every page of a NextToken/Limit list (EventBridge style). */
export async function collectTokenPages<T>(
  fetchPage: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string }>,
): Promise<T[]> {
  const out: T[] = []
  let token: string | undefined
  for (let n = 0; n < MAX_PAGES; n++) {
    const page = await fetchPage(token)
    out.push(...page.items)
    token = page.nextToken || undefined
    if (!token) break
  }
  return out
}
