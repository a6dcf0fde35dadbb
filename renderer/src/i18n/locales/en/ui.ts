import type zh from '../zh-CN/ui'
import type { Shape } from '../shape'

/** English strings shared by several screens. */
const ui: Shape<typeof zh> = {
  ui: {
    save: 'Save',
    cancel: 'Cancel',
    confirm: 'OK',
    edit: 'Edit',
    delete: 'Delete',
    add: 'Add',
    back: 'Back',
    next: 'Next',
    close: 'Close',
    refresh: 'Refresh',
    search: 'Search',
    actions: 'Actions',
    yes: 'Yes',
    no: 'No',
    none: 'None',
    requestId: 'Request ID',
    ruleId: 'Rule {id}',
    errorCode: 'Error code',
    saved: 'Saved',
    notSaved: 'Not saved',
    loading: 'Loading…',
  },
}
export default ui
