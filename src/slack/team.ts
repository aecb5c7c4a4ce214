import type { TeamKey } from '../store/types.ts';

/** What Bolt's listener context says about the workspace of a request. */
export interface TeamContext {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/**
 * The key a request's state is stored under: the workspace, or the enterprise for an org-wide install
 * (whose requests come from many workspaces that share one installation).
 *
 * @param context Bolt's listener context.
 * @returns The team key; empty when Slack sent neither id (never for real requests).
 */
export function teamKey(context: TeamContext): TeamKey {
  if (context.isEnterpriseInstall && context.enterpriseId) return context.enterpriseId;
  return context.teamId ?? context.enterpriseId ?? '';
}
