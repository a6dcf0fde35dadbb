import type zh from '../zh-CN/wizard'
import type { Shape } from '../shape'

/** English strings of the create-workspace wizard. */
const wizard: Shape<typeof zh> = {
  wizard: {
    steps: {
      basic: 'Basic information',
      members: 'Members and roles',
      storage: 'Default storage',
      resources: 'Associated resources',
      confirm: 'Confirm',
    },
    name: 'Workspace name',
    nameHint: '3-23 characters, starting with a letter; letters, digits and underscores; cannot be changed later',
    displayName: 'Display name',
    description: 'Description',
    mode: 'Workspace mode',
    modeSimple: 'Simple (production only)',
    modeStandard: 'Standard (development + production)',
    membersHint: 'Optional: members can also be added after creation. The creator becomes the owner.',
    userId: 'User ID (UID)',
    userName: 'User name',
    roles: 'Roles',
    addMember: 'Add member',
    removeMember: 'Remove',
    noMembers: 'No members',
    storageHint: 'Recommended: training jobs keep temporary data and models in the workspace default storage path.',
    defaultPath: 'Default storage path (OSS)',
    defaultPathPlaceholder: 'oss://bucket/path/',
    resourcesHint:
      'Associate any of the five compute resource kinds. Associations cannot be removed later (contact your business manager).',
    kind: 'Resource kind',
    envType: 'Environment',
    envDev: 'Development',
    envProd: 'Production',
    resourceName: 'Resource name',
    gpuCount: 'GPUs',
    gpuType: 'GPU type',
    isDefault: 'Default',
    addResource: 'Associate resource',
    removeResource: 'Remove',
    noResources: 'No resources associated',
    confirmHint:
      'Check everything below. Confirming creates a local draft; review its plan under Pending changes and apply it to the cloud.',
    create: 'Create draft',
    created: 'Draft created',
    problems: 'Problems',
    errorsInStep: 'Fix the errors in this step first',
    profile: 'Profile',
    offline: 'Offline only',
    notSet: 'Not set',
    kinds: {
      lingjun: 'Lingjun intelligent computing',
      general: 'General computing',
      acs: 'ACS computing',
      maxcompute: 'MaxCompute',
      flink: 'Flink fully managed',
    },
  },
}
export default wizard
