import type { ResourceKind } from '@shared/domain'

/**
 * The source of a general, Lingjun or ACS resource as the console offers it: public resources (pay-as-you-go,
 * `Spec.clusterType` `share`, the default) or a dedicated resource group (`private`) (docs/pai-api-facts.md §1.4).
 */
export const CLUSTER_CHOICES = ['share', 'private'] as const
export type ClusterChoice = (typeof CLUSTER_CHOICES)[number]

/** Whether the kind's `Spec` carries `clusterType` (ECS, Lingjun, ACS). */
export const hasClusterType = (kind: ResourceKind): boolean =>
  kind === 'general' || kind === 'lingjun' || kind === 'acs'
