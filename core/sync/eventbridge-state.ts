import { AppError } from '@shared/ipc/errors'
import type { CloudClients } from '../cloud'

/**
 * E1 as a refresh learns it, when reading the workspaces' own buses did not tell (no workspace, or none of them
 * read): the account's PAI buses (`ListEventBuses NamePrefix=pai-system-`, docs/pai-api-facts.md §5). PAI
 * creates one per workspace once EventBridge is activated and PAI authorized, so:
 * - `ServiceNotEnable` (EventBridge not activated): false;
 * - a PAI bus exists: true;
 * - no PAI bus although the account has workspaces: false (activated, PAI not authorized);
 * - no PAI bus and no workspace, or the question itself refused (no EventBridge permission, network): undefined,
 *   and the fact known before is kept. Never fails the refresh.
 */
export async function eventBridgeState(
  clients: CloudClients,
  seen: boolean | undefined,
  workspaces: number,
): Promise<boolean | undefined> {
  if (seen !== undefined) return seen
  try {
    const buses = await clients.eventBridge.listAllEventBuses({ NamePrefix: 'pai-system-' })
    if (buses.length > 0) return true
    return workspaces > 0 ? false : undefined
  } catch (err) {
    if (err instanceof AppError && err.code === 'CLOUD_SERVICE_NOT_ENABLED') return false
    return undefined
  }
}
