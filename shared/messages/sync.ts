import type { Catalog } from './catalog'

/** Messages for the sync area's codes. */
export const syncMessages = {} satisfies Catalog
