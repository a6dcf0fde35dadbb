/** Channels of the bundles area (filled by that area's issue). */
export const bundlesChannels = {} as const
