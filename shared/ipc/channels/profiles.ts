/** Channels of the profiles area (filled by that area's issue). */
export const profilesChannels = {} as const
