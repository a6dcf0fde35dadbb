import type { OpView } from '@shared/ipc/channels/sync'
import { isPermanentError } from '@shared/messages/op-error'

/** The tag colour of an op's status in the progress table. */
export const opTagType = (s: OpView['status']): 'success' | 'danger' | 'warning' | 'info' | 'primary' =>
  s === 'done'
    ? 'success'
    : s === 'failed'
      ? 'danger'
      : s === 'blocked'
        ? 'warning'
        : s === 'in_flight'
          ? 'primary'
          : 'info'

/** A failed op the cloud refused for good (the draft must change): a retry would only repeat the refusal. */
const permanent = (o: OpView): boolean => o.status === 'failed' && !!o.lastError && isPermanentError(o.lastError.code)

/** Failed, blocked or cancelled ops can be sent again, unless held back (a new plan replaces them) or refused for good. */
export const canRetryOp = (o: OpView): boolean =>
  !o.held && !permanent(o) && (o.status === 'failed' || o.status === 'blocked' || o.status === 'cancelled')

/** What is not sent yet can be cancelled. */
export const canCancelOp = (o: OpView): boolean => o.status === 'pending' || o.status === 'blocked'
