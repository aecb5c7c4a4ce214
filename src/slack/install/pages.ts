import type { ServerResponse } from 'node:http';
import { commandText, defaultCommand } from '../../commands/command-name.ts';

/** The install pages' paths, one place. */
export const installPaths = Object.freeze({ install: '/slack/install', redirect: '/slack/oauth_redirect' });

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** One small page, no outside resources (the install works behind a firewall and in tests). */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1d1c1d; }
  h1 { font-size: 1.6rem; } ul { padding-left: 1.2rem; }
  .button { display: inline-block; padding: .7rem 1.2rem; border-radius: .4rem; background: #4a154b; color: #fff;
            text-decoration: none; font-weight: 600; }
  .note { color: #616061; font-size: .9rem; }
</style></head>
<body>${body}</body></html>`;
}

/**
 * The install page (`/slack/install`): what the bot does, and the "Add to Slack" button.
 *
 * @param url The authorize URL Bolt made, with its state.
 * @param command The slash command's name in this app (default: `/optpaper`).
 * @returns HTML.
 */
export function installPage(url: string, command: string = defaultCommand): string {
  const typed = (words: string) => escapeHtml(commandText(command, words));
  return page(
    'Add optpaper to Slack',
    `<h1>optpaper: a reading group’s paper list, in Slack</h1>
<p>optpaper knows a curated list of papers on optimization for deep learning and helps a reading group use it:</p>
<ul>
  <li><strong>${typed('sharp minima')}</strong> finds papers by a few words, typos and acronyms included, and shares one with the channel;</li>
  <li><strong>@optpaper</strong> in a thread answers there with the three best matches;</li>
  <li><strong>${typed('subscribe')}</strong> gives a channel a paper of the week, rotating through the list without repeats, with a thread to discuss it.</li>
</ul>
<p>It asks for three permissions: the slash command, posting messages, and reading messages that mention it. It reads no channel history.</p>
<p><a class="button" id="add-to-slack" href="${escapeHtml(url)}">Add to Slack</a></p>`,
  );
}

/**
 * Send the page a finished install shows.
 *
 * @param response The redirect's response.
 * @param teamName The workspace it was installed in.
 * @param command The slash command's name in this app (default: `/optpaper`).
 */
export function sendInstalledPage(
  response: ServerResponse,
  teamName: string,
  command: string = defaultCommand,
): void {
  const typed = (words: string) => escapeHtml(commandText(command, words));
  send(
    response,
    200,
    page(
      'optpaper is installed',
      `<h1 id="outcome">optpaper is installed in ${escapeHtml(teamName)} ✓</h1>
<p>Next, in Slack:</p>
<ul>
  <li>type <strong>${typed('sharp minima')}</strong> anywhere to search;</li>
  <li>invite the bot to the reading group’s channel (<strong>/invite @optpaper</strong>) and run <strong>${typed('subscribe')}</strong> there for a paper of the week.</li>
</ul>
<p class="note">You can close this page.</p>`,
    ),
  );
}

/** Why an install did not finish, in words a person can act on. */
export type InstallFailure = 'cancelled' | 'expired-state' | 'bad-code' | 'other';

/**
 * Which failure an error of Slack's OAuth library (or of oauth.v2.access) is.
 *
 * @param error The error the installer reported.
 * @returns The failure.
 */
export function installFailure(error: {
  code?: string;
  message?: string;
  data?: { error?: string };
}): InstallFailure {
  if (error.code === 'slack_oauth_installer_authorization_error') return 'cancelled';
  if (error.code === 'slack_oauth_invalid_state' || error.code === 'slack_oauth_missing_state')
    return 'expired-state';
  const answer = error.data?.error ?? '';
  if (
    answer === 'invalid_code' ||
    answer === 'code_already_used' ||
    error.code === 'slack_oauth_missing_code'
  ) {
    return 'bad-code';
  }
  return 'other';
}

const failurePages: Readonly<Record<InstallFailure, { status: number; title: string; text: string }>> =
  Object.freeze({
    cancelled: {
      status: 200,
      title: 'Install cancelled',
      text: 'You cancelled the install on Slack’s page: nothing was installed.',
    },
    'expired-state': {
      status: 400,
      title: 'This install link is not valid here',
      text: 'This install was not started in this browser, or it was started more than ten minutes ago (or its page was reloaded). Nothing was installed.',
    },
    'bad-code': {
      status: 400,
      title: 'Slack refused this authorization',
      text: 'Slack did not accept the authorization code: it was already used (a page reloaded or opened twice) or it expired. Nothing was installed.',
    },
    other: {
      status: 500,
      title: 'The install failed',
      text: 'Something went wrong while finishing the install, and it has been logged. Nothing was installed.',
    },
  });

/**
 * Send the page an install that did not finish shows, with a way to start again.
 *
 * @param response The redirect's response.
 * @param failure What went wrong.
 */
export function sendFailurePage(response: ServerResponse, failure: InstallFailure): void {
  const { status, title, text } = failurePages[failure];
  send(
    response,
    status,
    page(
      title,
      `<h1 id="outcome">${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>
<p><a class="button" href="${installPaths.install}">Start the install again</a></p>`,
    ),
  );
}

function send(response: ServerResponse, status: number, html: string): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  response.end(html);
}
