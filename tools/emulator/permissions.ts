/**
 * The role-to-permission-point mapping the emulator answers ListPermissions with (rule M7). The real
 * table lives in the console's "roles and permissions" appendix; these are the points docs/pai-api-facts.md §3.3
 * names, grouped the way that appendix groups them. Unverified in detail.
 */

export interface PermissionRule {
  Accessibility: string
  EntityAccessType?: string
}

const READ = [
  'PaiWorkspace:GetWorkspace',
  'PaiWorkspace:ListMembers',
  'PaiWorkspace:GetMember',
  'PaiWorkspace:ListResources',
  'PaiWorkspace:GetResource',
  'PaiWorkspace:ListConfigs',
  'PaiWorkspace:ListPermissions',
  'PaiWorkspace:ListWorkspaceUsers',
  'PaiWorkspace:GetInstanceJob',
  'PaiWorkspace:ListWorkspaceRoles',
  'PaiWorkspace:GetWorkspaceRole',
]
const MANAGE = [
  'PaiWorkspace:UpdateWorkspace',
  'PaiWorkspace:CreateMember',
  'PaiWorkspace:DeleteMembers',
  'PaiWorkspace:AddMemberRole',
  'PaiWorkspace:RemoveMemberRole',
  'PaiWorkspace:CreateWorkspaceResource',
  'PaiWorkspace:UpdateWorkspaceResource',
  'PaiWorkspace:UpdateConfigs',
  'PaiWorkspace:DeleteConfig',
  'PaiWorkspace:AddWorkspaceRole',
  'PaiWorkspace:UpdateWorkspaceRole',
  'PaiWorkspace:RemoveWorkspaceRole',
  'PaiWorkspace:ListOperationLogs',
]
const DEVELOP = [
  'PaiDLC:CreateJob',
  'PaiDLC:GetJob',
  'PaiDLC:ListJobs',
  'PaiDLC:StopJob',
  'PaiDLC:GetTensorboard',
  'PaiDSW:CreatePostPaidInstance',
  'PaiDSW:StartInstance',
  'PaiDSW:StopInstance',
  'PaiDSW:OpenInstance',
  'PaiDSW:ListInstances',
  'PaiDesigner:CreatePipeline',
  'PaiDesigner:RunPipeline',
]
const OPERATE = [
  'PaiDLC:GetJob',
  'PaiDLC:ListJobs',
  'PaiDLC:StopJob',
  'PaiDLC:UpdateJob',
  'PaiDSW:ListAllInstances',
  'PaiEAS:CreateService',
  'PaiEAS:UpdateService',
]
const LABEL = ['PaiItag:CreateTask', 'PaiItag:ListTasks', 'PaiItag:GetTask', 'PaiWorkspace:CreateDataset']
const MAXCOMPUTE = ['PaiDesigner:SubmitMaxComputeJob', 'PaiDLC:SubmitMaxComputeJob']

const ANY: PermissionRule[] = [{ Accessibility: 'PUBLIC' }, { Accessibility: 'PRIVATE', EntityAccessType: 'ANY' }]
const OWN: PermissionRule[] = [{ Accessibility: 'PUBLIC' }, { Accessibility: 'PRIVATE', EntityAccessType: 'CREATOR' }]
const PUBLIC: PermissionRule[] = [{ Accessibility: 'PUBLIC' }]

type Grant = Array<[codes: string[], rules: PermissionRule[]]>

export const ROLE_PERMISSIONS: Record<string, Grant> = {
  'PAI.WorkspaceOwner': [
    [[...READ, ...MANAGE, 'PaiWorkspace:DeleteWorkspace'], ANY],
    [[...DEVELOP, ...OPERATE], ANY],
  ],
  'PAI.WorkspaceAdmin': [
    [[...READ, ...MANAGE], ANY],
    [[...DEVELOP, ...OPERATE], ANY],
  ],
  'PAI.AlgoDeveloper': [
    [READ, PUBLIC],
    [DEVELOP, OWN],
  ],
  'PAI.AlgoOperator': [
    [READ, PUBLIC],
    [OPERATE, ANY],
  ],
  'PAI.LabelManager': [
    [READ, PUBLIC],
    [LABEL, ANY],
  ],
  'PAI.WorkspaceGuest': [[READ, PUBLIC]],
  'PAI.MaxComputeDeveloper': [[MAXCOMPUTE, OWN]],
}

export const BUILTIN_ROLES = Object.keys(ROLE_PERMISSIONS)

/** Codes a custom role's module level grants: read-ish for ReadOnly, all for ReadWrite/FullAccess. */
const MODULE_CODES: Record<string, { read: string[]; write: string[] }> = {
  DLC: {
    read: ['PaiDLC:GetJob', 'PaiDLC:ListJobs'],
    write: ['PaiDLC:CreateJob', 'PaiDLC:StopJob', 'PaiDLC:UpdateJob'],
  },
  DSW: {
    read: ['PaiDSW:ListInstances'],
    write: ['PaiDSW:CreatePostPaidInstance', 'PaiDSW:StartInstance', 'PaiDSW:StopInstance'],
  },
  PaiDesigner: { read: ['PaiDesigner:GetPipeline'], write: ['PaiDesigner:CreatePipeline', 'PaiDesigner:RunPipeline'] },
  Paiflow: { read: ['Paiflow:GetPipelineRun'], write: ['Paiflow:CreatePipelineRun'] },
  Dataset: { read: ['PaiWorkspace:GetDataset', 'PaiWorkspace:ListDatasets'], write: ['PaiWorkspace:CreateDataset'] },
  Model: { read: ['PaiWorkspace:GetModel', 'PaiWorkspace:ListModels'], write: ['PaiWorkspace:CreateModel'] },
  Image: { read: ['PaiWorkspace:GetImage', 'PaiWorkspace:ListImages'], write: ['PaiWorkspace:AddImage'] },
  CodeSource: {
    read: ['PaiWorkspace:GetCodeSource', 'PaiWorkspace:ListCodeSources'],
    write: ['PaiWorkspace:CreateCodeSource'],
  },
  'PaiWorkspace@@Workspace': { read: ['PaiWorkspace:GetWorkspace'], write: ['PaiWorkspace:UpdateWorkspace'] },
  'PaiWorkspace@@MemberRole': {
    read: ['PaiWorkspace:ListMembers', 'PaiWorkspace:GetMember'],
    write: [
      'PaiWorkspace:CreateMember',
      'PaiWorkspace:DeleteMembers',
      'PaiWorkspace:AddMemberRole',
      'PaiWorkspace:RemoveMemberRole',
    ],
  },
  'PaiWorkspace@@Resource': {
    read: ['PaiWorkspace:ListResources'],
    write: ['PaiWorkspace:CreateWorkspaceResource', 'PaiWorkspace:UpdateWorkspaceResource'],
  },
  'PaiWorkspace@@Config': {
    read: ['PaiWorkspace:ListConfigs'],
    write: ['PaiWorkspace:UpdateConfigs', 'PaiWorkspace:DeleteConfig'],
  },
  ArtLab: { read: ['ArtLab:Get'], write: ['ArtLab:Run'] },
}
export const ROLE_MODULES = Object.keys(MODULE_CODES)

export function customRoleGrant(
  mods: Array<{
    ModuleName: string
    PermissionType: string
    Permissions?: Array<{ PermissionCodes: string[]; PermissionRules: PermissionRule[] }>
  }>,
): Grant {
  const out: Grant = []
  for (const m of mods) {
    const codes = MODULE_CODES[m.ModuleName]
    if (!codes) continue
    if (m.PermissionType === 'ReadOnly') out.push([codes.read, PUBLIC])
    else if (m.PermissionType === 'ReadWrite') out.push([[...codes.read, ...codes.write], OWN])
    else if (m.PermissionType === 'FullAccess') out.push([[...codes.read, ...codes.write], ANY])
    else if (m.PermissionType === 'CustomPermissions')
      for (const p of m.Permissions ?? []) out.push([p.PermissionCodes, p.PermissionRules])
  }
  return out
}

/** Merges grants into `{PermissionCode, PermissionRules}` items, sorted by code. */
export function mergeGrants(grants: Grant[]): Array<{ PermissionCode: string; PermissionRules: PermissionRule[] }> {
  const byCode = new Map<string, Map<string, PermissionRule>>()
  for (const g of grants)
    for (const [codes, rules] of g)
      for (const c of codes) {
        const m = byCode.get(c) ?? new Map<string, PermissionRule>()
        for (const r of rules) m.set(`${r.Accessibility}/${r.EntityAccessType ?? ''}`, r)
        byCode.set(c, m)
      }
  return [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([PermissionCode, m]) => ({ PermissionCode, PermissionRules: [...m.values()] }))
}
