import type { Catalog } from './catalog'

/** Messages for the cloud area's codes. */
export const cloudMessages = {} satisfies Catalog
