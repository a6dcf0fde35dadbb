import type { Catalog } from './catalog'

/** Messages for the store area's codes. */
export const storeMessages = {} satisfies Catalog
