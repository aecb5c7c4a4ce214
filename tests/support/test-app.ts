import { fixedLibrary, type Library } from '../../src/library.ts';
import { createLogger, type LogFormat } from '../../src/logger.ts';
import { createSearch } from '../../src/search/search.ts';
import {
  createSlackApp,
  eventsPath,
  type RunningSlackApp,
  type SlackConnection,
  startSlackApp,
} from '../../src/slack/app.ts';
import type { SlackDeps } from '../../src/slack/deps.ts';
import { shippedCatalog } from './shipped.ts';
import { testSigningSecret } from './signing.ts';
import { SlackApiStub } from './slack-api-stub.ts';

/** A running app over HTTP on a free port, talking to a stand-in Web API. */
export interface TestApp {
  stub: SlackApiStub;
  running: RunningSlackApp;
  /** `http://127.0.0.1:<port>/slack/events` */
  eventsUrl: string;
  baseUrl: string;
  logs: string[];
  stop(): Promise<void>;
}

/**
 * Start the real Bolt app (HTTP receiver, free port, real listeners) against a stand-in Web API.
 *
 * @param overrides Dependencies to replace (library, weekly, clock…), an app token for Socket Mode, a stand-in.
 * @returns The running app and its stand-in.
 */
export async function startTestApp(
  overrides: Partial<SlackDeps> & {
    library?: Library;
    appToken?: string;
    stub?: SlackApiStub;
    logFormat?: LogFormat;
  } = {},
): Promise<TestApp> {
  const { appToken, stub: given, logFormat, ...depsOverrides } = overrides;
  const stub = given ?? (await new SlackApiStub().start());
  const logs: string[] = [];
  const logger = createLogger({
    sink: { write: (line: string) => logs.push(line) },
    ...(logFormat ? { format: logFormat } : {}),
  });
  const deps: SlackDeps = {
    library: fixedLibrary(createSearch(shippedCatalog())),
    clock: () => new Date(),
    random: () => 0,
    sleep: async () => {},
    ...depsOverrides,
  };
  const connection: SlackConnection = {
    botToken: 'xoxb-test-token',
    signingSecret: testSigningSecret,
    port: 0,
    healthPort: 0,
    apiUrl: stub.apiUrl,
    botId: 'B0OPTBOT',
    botUserId: 'U0OPTBOT',
    socket: { maxAttempts: 3, pingTimeoutMs: 50 },
    ...(appToken ? { appToken } : {}),
  };
  const running = await startSlackApp(createSlackApp(connection, deps, logger), connection);
  const address = running.server?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    stub,
    running,
    baseUrl,
    eventsUrl: `${baseUrl}${eventsPath}`,
    logs,
    stop: async () => {
      await running.stop();
      await stub.close();
    },
  };
}
