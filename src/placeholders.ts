/**
 * Values a newcomer has not filled in yet: `.env.example`'s own (`xoxb-...`, `xapp-...`) and the usual
 * stand-ins of tutorials (`...`, `<your token>`, `changeme`, `your-token`). `cp .env.example .env` with
 * nothing edited must say "fill it in", not "must start with xoxb-" (it does).
 */

/** The placeholders `.env.example` ships, by variable. */
export const examplePlaceholders: Readonly<Record<string, string>> = Object.freeze({
  SLACK_BOT_TOKEN: 'xoxb-...',
  SLACK_APP_TOKEN: 'xapp-...',
});

/** Prefixes a real value starts with: what follows them is what must be filled in. */
const tokenPrefix = /^(xox[abp]|xapp)-/i;

/** Words that stand for a value to come, whole. */
const standIns =
  /^(change[-_ ]?me|replace[-_ ]?me|fill[-_ ]?me[-_ ]?in|todo|fixme|tbd|placeholder|secret|token|none|null|undefined)$/i;

/**
 * Whether a value is a placeholder rather than something to check.
 *
 * @param value The value, trimmed.
 * @returns True for `xoxb-...`, `...`, `…`, `<anything>`, `changeme`, `your-token`, `xxx`, `***` and the like.
 */
export function isPlaceholder(value: string): boolean {
  const rest = value.replace(tokenPrefix, '');
  if (/^[.…x*_-]*$/i.test(rest)) return true;
  if (/^<.*>$/.test(value) || /^\{\{.*\}\}$/.test(value)) return true;
  // `your-token`, `your_bot_token_here`, `my-signing-secret`; not `my-user-token`, a real token's tail.
  if (
    /^(your|my)[-_ ]?((bot|app|slack|signing|client|state)[-_ ]?)?(token|secret|key|id)([-_ ]|$)/i.test(rest)
  )
    return true;
  return standIns.test(rest);
}

/** Where to get each variable's real value, as said after "set it to". */
const sources: Readonly<Record<string, string>> = Object.freeze({
  SLACK_BOT_TOKEN:
    'the Bot User OAuth Token (xoxb-…), from https://api.slack.com/apps → your app → OAuth & Permissions',
  SLACK_APP_TOKEN:
    'an app-level token (xapp-…), from https://api.slack.com/apps → your app → Basic Information → App-Level Tokens, scope connections:write (or, for HTTP mode, remove it and set SLACK_SIGNING_SECRET)',
  SLACK_SIGNING_SECRET:
    'the Signing Secret, from https://api.slack.com/apps → your app → Basic Information → App Credentials',
  SLACK_CLIENT_ID:
    'the Client ID, from https://api.slack.com/apps → your app → Basic Information → App Credentials',
  SLACK_CLIENT_SECRET:
    'the Client Secret, from https://api.slack.com/apps → your app → Basic Information → App Credentials',
  SLACK_STATE_SECRET: 'a random string of 16 characters or more (openssl rand -hex 16)',
});

/** The variables checked for placeholders: the credentials, which have no default. */
export const credentialVariables: readonly string[] = Object.keys(sources);

/**
 * The one line for a variable left as a placeholder. The value itself is never quoted: whatever is
 * in `<…>` may be a real secret pasted inside the brackets.
 *
 * @param variable The variable.
 * @param value Its value (only compared with the example's).
 * @param fromDotEnv Whether the value came from `.env` (else the environment).
 * @returns A sentence naming the variable, where it was set, and where to get the real value.
 */
export function placeholderMessage(variable: string, value: string, fromDotEnv: boolean): string {
  const where = fromDotEnv ? 'in .env' : 'in the environment';
  const what =
    examplePlaceholders[variable] === value
      ? 'still holds the placeholder of .env.example'
      : 'holds a placeholder, not a real value';
  return `${variable} ${where} ${what}: set it to ${sources[variable] ?? 'the real value'}`;
}
