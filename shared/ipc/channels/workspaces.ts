/** Channels of the workspaces area (filled by that area's issue). */
export const workspacesChannels = {} as const
