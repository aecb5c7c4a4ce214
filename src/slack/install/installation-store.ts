import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Store } from '../../store/types.ts';

/** The key an installation is stored under: the enterprise for an org-wide install, else the workspace. */
export function installationKey(query: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return query.enterpriseId;
  return query.teamId ?? query.enterpriseId ?? '';
}

/**
 * Bolt's InstallationStore over the bot's own database (SQLite or PostgreSQL): installations live
 * beside the state they authorise, one row per workspace (or enterprise).
 *
 * @param store The bot's store.
 * @param clock Now, for the record.
 * @returns The installation store Bolt's installer reads and writes.
 */
export function installationStore(store: Store, clock: () => Date): InstallationStore {
  return {
    async storeInstallation(installation) {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const teamId = installation.team?.id;
      const enterpriseId = installation.enterprise?.id;
      await store.saveInstallation({
        team: installationKey({ teamId, enterpriseId, isEnterpriseInstall }),
        isEnterpriseInstall,
        installation: JSON.stringify(installation),
        installedAt: clock(),
        ...(teamId ? { teamId } : {}),
        ...(enterpriseId ? { enterpriseId } : {}),
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const record = await store.installation(installationKey(query));
      if (!record) throw new Error(`no installation for ${installationKey(query)}`);
      return JSON.parse(record.installation) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await store.removeInstallation(installationKey(query), clock());
    },
  };
}

/**
 * The bot token of a workspace's installation.
 *
 * @param store The bot's store.
 * @param team The workspace key.
 * @returns The token, or undefined when the workspace has no installation (never, or uninstalled).
 */
export async function botTokenOf(store: Store, team: string): Promise<string | undefined> {
  const record = await store.installation(team);
  if (!record) return undefined;
  const installation = JSON.parse(record.installation) as Installation;
  return installation.bot?.token;
}
