import { createHmac } from 'node:crypto';

/** A signing secret of the shape Slack issues (32 hex characters). */
export const testSigningSecret = '8f742231b10e8888abcd99yyyzzz85a5'.replace(/[yz]/g, 'e');

/**
 * Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret.
 *
 * @param secret The signing secret.
 * @param timestamp Seconds since the epoch, as sent in X-Slack-Request-Timestamp.
 * @param body The raw request body.
 * @returns The X-Slack-Signature header value.
 */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Options of a signed request: by default signed correctly, now. */
export interface SignOptions {
  secret?: string;
  /** Seconds since the epoch (default: now). */
  timestamp?: number;
  /** Send these headers instead of the computed ones (forged, missing…). */
  headers?: Record<string, string>;
  /** Sent besides the signature (Slack's X-Slack-Retry-Num on a retry). */
  extra?: Record<string, string>;
}

/**
 * POST a body to the app exactly as Slack would: form-encoded for commands and actions, JSON for events.
 *
 * @param url The app's `/slack/events` URL.
 * @param body Raw body.
 * @param contentType `application/x-www-form-urlencoded` or `application/json`.
 * @param options Signing options.
 * @returns The response.
 */
export function postSigned(
  url: string,
  body: string,
  contentType: string,
  options: SignOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers = options.headers ?? {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(options.secret ?? testSigningSecret, timestamp, body),
  };
  return fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType, ...headers, ...options.extra },
  });
}

/** Fields of a slash command payload that tests vary. */
export interface CommandFields {
  text: string;
  channel_id?: string;
  user_id?: string;
  response_url?: string;
  /** The command as the app's manifest names it (default: `/optpaper`; a staging app's `/optpaper-dev`). */
  command?: string;
}

/**
 * The form body of a `/optpaper` slash command.
 *
 * @param fields Text, channel, user, response URL, the command's name.
 * @returns The URL-encoded body.
 */
export function commandBody(fields: CommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0TEAM',
    team_domain: 'readinggroup',
    channel_id: fields.channel_id ?? 'C0READING',
    channel_name: 'reading-group',
    user_id: fields.user_id ?? 'U0ALICE',
    user_name: 'alice',
    command: fields.command ?? '/optpaper',
    text: fields.text,
    api_app_id: 'A0OPTPAPER',
    is_enterprise_install: 'false',
    response_url: fields.response_url ?? 'https://hooks.slack.com/commands/T0TEAM/1/xyz',
    trigger_id: '1.2.3',
  }).toString();
}

/**
 * The form body of a button press (`block_actions`).
 *
 * @param action The button: its action_id and value.
 * @param fields Channel, user, and where respond() posts.
 * @returns The URL-encoded body.
 */
export function actionBody(
  action: { action_id: string; value: string },
  fields: { channel_id?: string; user_id?: string; response_url: string; action_ts?: string },
): string {
  const payload = {
    type: 'block_actions',
    user: { id: fields.user_id ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: 'T0TEAM' },
    api_app_id: 'A0OPTPAPER',
    token: 'deprecated-verification-token',
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: fields.channel_id ?? 'C0READING',
      is_ephemeral: true,
    },
    trigger_id: '1.2.3',
    team: { id: 'T0TEAM', domain: 'readinggroup' },
    channel: { id: fields.channel_id ?? 'C0READING', name: 'reading-group' },
    response_url: fields.response_url,
    actions: [
      {
        type: 'button',
        block_id: 'b1',
        action_id: action.action_id,
        value: action.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: fields.action_ts ?? '1700000001.000200',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * The JSON body of an Events API delivery (`event_callback`).
 *
 * @param event The event (its type, and what it carries).
 * @param delivery Slack's id of the delivery (default: a new one; a retry carries the same) and the workspace.
 * @returns The JSON body.
 */
export function eventBody(
  event: Record<string, unknown>,
  delivery: { event_id?: string; team_id?: string } = {},
): string {
  const team = delivery.team_id ?? 'T0TEAM';
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: team,
    api_app_id: 'A0OPTPAPER',
    type: 'event_callback',
    event_id: delivery.event_id ?? `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: 'U0OPTBOT', is_bot: true }],
    event,
  });
}

/**
 * The JSON body of an `app_mention` event.
 *
 * @param event Text, channel, ts and optional thread_ts of the mention.
 * @returns The JSON body.
 */
export function mentionBody(event: {
  text: string;
  /** Slack's id of the delivery (default: a new one); a retry carries the same. */
  event_id?: string;
  team_id?: string;
  channel?: string;
  ts?: string;
  thread_ts?: string;
  user?: string;
}): string {
  return eventBody(
    {
      type: 'app_mention',
      user: event.user ?? 'U0ALICE',
      text: event.text,
      ts: event.ts ?? '1700000100.000100',
      channel: event.channel ?? 'C0READING',
      event_ts: event.ts ?? '1700000100.000100',
      ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
    },
    {
      ...(event.event_id ? { event_id: event.event_id } : {}),
      ...(event.team_id ? { team_id: event.team_id } : {}),
    },
  );
}

/**
 * The form body of a modal's submission (`view_submission`).
 *
 * @param view The view as Slack sends it back: callback_id, private_metadata and the inputs' values.
 * @param fields Who submitted it.
 * @returns The URL-encoded body.
 */
export function viewSubmissionBody(
  view: {
    callback_id: string;
    private_metadata: string;
    /** `{ block_id: value }` for text inputs whose action id is `value`. */
    values?: Record<string, string>;
  },
  fields: { user_id?: string } = {},
): string {
  const values = Object.fromEntries(
    Object.entries(view.values ?? {}).map(([block, value]) => [
      block,
      { value: { type: 'plain_text_input', value } },
    ]),
  );
  const payload = {
    type: 'view_submission',
    team: { id: 'T0TEAM', domain: 'readinggroup' },
    user: { id: fields.user_id ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: 'T0TEAM' },
    api_app_id: 'A0OPTPAPER',
    token: 'deprecated-verification-token',
    trigger_id: '4.5.6',
    view: {
      id: 'V0FORM',
      team_id: 'T0TEAM',
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values },
      hash: '1.abc',
      blocks: [],
    },
    response_urls: [],
    is_enterprise_install: false,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * The form body of a message shortcut (`message_action`) on a message.
 *
 * @param callbackId The shortcut's callback_id.
 * @param message The message's text (as Slack formats it: `<https://…|label>`) and channel.
 * @param fields Who used it, and where respond() posts.
 * @returns The URL-encoded body.
 */
export function messageShortcutBody(
  callbackId: string,
  message: { text: string; channel_id?: string },
  fields: { user_id?: string; response_url: string },
): string {
  const payload = {
    type: 'message_action',
    callback_id: callbackId,
    trigger_id: '7.8.9',
    message_ts: '1700000200.000100',
    response_url: fields.response_url,
    action_ts: '1700000201.000200',
    token: 'deprecated-verification-token',
    team: { id: 'T0TEAM', domain: 'readinggroup' },
    user: { id: fields.user_id ?? 'U0ALICE', name: 'alice' },
    channel: { id: message.channel_id ?? 'C0READING', name: 'reading-group' },
    message: { type: 'message', user: 'U0BOB', ts: '1700000200.000100', text: message.text },
    is_enterprise_install: false,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
