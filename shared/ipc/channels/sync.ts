/** Channels of the sync area (filled by that area's issue). */
export const syncChannels = {} as const
