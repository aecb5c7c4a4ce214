/**
 * The bot scopes an install asks for, each for one thing the bot does. manifest.yml declares the same
 * (tests/slack/manifest.test.ts checks it): a scope the bot does not use is never asked for.
 */
export const botScopes: readonly string[] = Object.freeze([
  // /optpaper
  'commands',
  // Share, thread replies, the paper of the week
  'chat:write',
  // @optpaper mentions
  'app_mentions:read',
  // The link_shared event: links to papers of the list
  'links:read',
  // chat.unfurl: the paper, its sections, and when the channel discussed it
  'links:write',
  // users.conversations: which subscribed public channels the person opening the Home tab is in
  'channels:read',
  // users.conversations: the same for private channels
  'groups:read',
]);
