import type { Catalog } from './catalog'

/** Messages for the domain area's codes. */
export const domainMessages = {} satisfies Catalog
