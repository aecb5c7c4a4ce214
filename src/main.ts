import { existsSync } from 'node:fs';
import { StartupError, startBot } from './bot.ts';
import { missingCredentialsMessage, readConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { runLocalShell } from './shell/local.ts';
import { slackDefaults } from './slack/app.ts';

// `npm start`: read .env when there is one, check the configuration, then run the bot; with no Slack
// credentials, open the local shell in a terminal, or stop with the variables to set.
if (existsSync('.env')) process.loadEnvFile('.env');

const read = readConfig(process.env);
if ('problems' in read) {
  for (const problem of read.problems) process.stderr.write(`optpaper: ${problem.message}\n`);
  process.exit(1);
}
const { config } = read;
const logger = createLogger({
  level: config.logLevel,
  format: config.logFormat,
  // Masked in every line, whoever writes it: the app, Bolt or its clients.
  secrets: [config.slack.botToken, config.slack.signingSecret, config.slack.appToken],
});

if (config.mode === 'offline') {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(`optpaper: ${missingCredentialsMessage()}\n`);
    process.exit(1);
  }
  process.stdout.write(
    'No Slack credentials in the environment: opening the local shell (see README to connect Slack).\n',
  );
  await runLocalShell(config, { input: process.stdin, output: process.stdout, interactive: true });
  process.exit(0);
}

const starting = startBot(config, { logger });
// Listening from the first moment: a signal during start-up stops the bot once it has started.
const shutdown = (signal: string) => {
  logger.info(`${signal} received: finishing requests in flight`);
  // A stuck connection must not keep a stopping bot alive forever: one Web API request in flight
  // (its timeout) and the HTTP server's close fit in this.
  setTimeout(() => process.exit(1), 2 * slackDefaults.requestTimeoutMs).unref();
  void starting
    .then((bot) => bot.stop())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
};
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
try {
  await starting;
} catch (error) {
  const message = error instanceof StartupError ? error.message : String(error);
  // A log collector reading JSON gets JSON; a person gets the one line they can act on.
  if (config.logFormat === 'json') logger.error(message);
  else process.stderr.write(`optpaper: ${message}\n`);
  process.exit(1);
}
