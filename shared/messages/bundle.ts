import type { Catalog } from './catalog'

/** Messages for the bundle area's codes. */
export const bundleMessages = {} satisfies Catalog
