import type zh from '../zh-CN/kept'
import type { Shape } from '../shape'

/** English strings for what the cloud holds that the app does not model: shown read-only, kept as it is. */
const kept: Shape<typeof zh> = {
  kept: {
    readOnly: 'Read-only',
    foreign: {
      title: 'Rules made outside the app (read-only)',
      hint: 'These rules were made in the console or by another tool, and the app cannot map their event pattern or targets exactly, so they are kept as they are and shown read-only: a sync never changes them. Change them in the console; a rule is deleted only when you delete it here on purpose.',
      status: 'Status',
      enabled: 'Enabled',
      disabled: 'Disabled',
      description: 'Description',
      pattern: 'Event pattern (as stored)',
      targets: 'Targets (as stored)',
      colId: 'ID',
      colType: 'Type',
      colEndpoint: 'Endpoint',
      units: 'Quota used {used} / {quota}',
      raw: 'Show the raw data',
      masked: 'Signing secrets and other sensitive parameters are hidden (the app never stores them)',
      delete: 'Delete this rule',
      deleteAria: 'Delete this rule: {name}',
      deleteConfirm:
        'Delete rule "{name}"? The sync deletes this rule and all its targets in the cloud; this cannot be undone.',
      deleteQueued: 'Deleted at the next sync',
      undoDelete: 'Undo delete',
      notInCloud: 'The cloud does not have this rule: the app does not copy rules made outside it.',
      removeFromDraft: 'Remove from the draft',
    },
    passthrough: {
      title: 'Other cloud settings (read-only)',
      hint: 'The workspace also holds these config keys, which the app does not manage: they are kept as they are, travel with export and import, and a sync never writes them.',
      colKey: 'Config key',
      colCategory: 'Category',
      colValue: 'Value',
      noCategory: '—',
    },
    extraSpec: 'Spec fields kept from the cloud (read-only): {fields}',
    foreignRole: 'A role the app does not know, kept as it is (read-only)',
  },
}
export default kept
