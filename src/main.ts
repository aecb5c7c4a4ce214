import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { StartupError, startBot } from './bot.ts';
import { missingCredentialsMessage, readConfig } from './config.ts';
import { logReload } from './library.ts';
import { createLogger } from './logger.ts';
import { runLocalShell } from './shell/local.ts';
import { slackDefaults } from './slack/app.ts';

// `npm start`: read .env when there is one, check the configuration, then run the bot; with no Slack
// credentials, open the local shell in a terminal, or stop with the variables to set.
// Which variables .env supplies (the environment wins over it) lets a message say where to fix one.
const fromDotEnv = new Set<string>();
if (existsSync('.env')) {
  for (const name of Object.keys(parseEnv(readFileSync('.env', 'utf8'))))
    if (process.env[name] === undefined) fromDotEnv.add(name);
  process.loadEnvFile('.env');
}

const read = readConfig(process.env, { fromDotEnv });
if ('problems' in read) {
  for (const problem of read.problems) process.stderr.write(`optpaper: ${problem.message}\n`);
  process.exit(1);
}
const { config } = read;
const logger = createLogger({
  level: config.logLevel,
  format: config.logFormat,
  // Masked in every line, whoever writes it: the app, Bolt or its clients.
  secrets: [
    config.slack.botToken,
    config.slack.signingSecret,
    config.slack.appToken,
    config.slack.oauth?.clientSecret,
    config.slack.oauth?.stateSecret,
  ],
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

// No single request may end the process: a promise a library forgot to handle is logged, not fatal.
process.on('unhandledRejection', (reason) => {
  logger.error('unhandled rejection (the bot keeps running):', reason);
});

const starting = startBot(config, { logger });
let stopping = false;
// Listening from the first moment: a signal during start-up stops the bot once it has started.
const shutdown = (signal: string, code = 0) => {
  // npm, a terminal's Ctrl-C and `docker stop` may each send one: the first stop must run to its end
  // (a weekly post waiting for Slack is awaited and recorded), so later signals only say so.
  if (stopping) {
    logger.info(`${signal} received again: still stopping (waiting for work in flight)`);
    return;
  }
  stopping = true;
  logger.info(`${signal} received: finishing requests in flight`);
  // A stuck connection must not keep a stopping bot alive forever: a weekly post and its thread reply
  // (one request timeout each) and the HTTP server's close fit in this.
  setTimeout(() => process.exit(1), 3 * slackDefaults.requestTimeoutMs).unref();
  void starting
    .then((bot) => bot.stop())
    .then(
      () => process.exit(code),
      () => process.exit(1),
    );
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
// SIGHUP: read the list again and use it even if it drops most papers (the operator decided). Listened
// for from the first moment too: its default action ends the process, and `systemctl reload` may come
// while the bot is still starting. Then the list is read again once start-up is done.
let started = false;
process.on('SIGHUP', () => {
  logger.info(
    `SIGHUP received: reading the list again${started ? '' : ' once start-up is done'}, accepting it whatever it holds`,
  );
  void starting.then(
    (bot) =>
      bot.library.reload({ accept: true }).then((outcome) => logReload(logger, bot.library.path, outcome)),
    // A failed start-up says why below.
    () => undefined,
  );
});
try {
  const bot = await starting;
  started = true;
  void bot.failed.then((line) => {
    process.stderr.write(`optpaper: ${line}\n`);
    shutdown('Slack connection lost', 1);
  });
} catch (error) {
  const message = error instanceof StartupError ? error.message : String(error);
  // A log collector reading JSON gets JSON; a person gets the one line they can act on.
  if (config.logFormat === 'json') logger.error(message);
  else process.stderr.write(`optpaper: ${message}\n`);
  process.exit(1);
}
