import { webApi } from '@slack/bolt';
import type { Store } from '../../store/types.ts';
import { webClientOptions } from '../app.ts';
import { botTokenOf } from './installation-store.ts';

/** Web API clients of installed workspaces, by their installation's token. */
export interface WorkspaceClients {
  /** The client of a workspace, or undefined when it has no installation. */
  of(team: string): Promise<webApi.WebClient | undefined>;
}

/**
 * One Web API client per installed workspace's token, made when first needed (OAuth installs): the
 * weekly post of a workspace goes out with that workspace's token.
 *
 * @param store Where installations are.
 * @param apiUrl The Web API base URL.
 * @returns The clients.
 */
export function workspaceClients(store: Store, apiUrl: string): WorkspaceClients {
  const byToken = new Map<string, webApi.WebClient>();
  return {
    async of(team) {
      const token = await botTokenOf(store, team);
      if (!token) return undefined;
      let client = byToken.get(token);
      if (!client) {
        client = new webApi.WebClient(token, webClientOptions(apiUrl));
        byToken.set(token, client);
      }
      return client;
    },
  };
}
