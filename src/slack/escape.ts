/**
 * Escape text for Slack mrkdwn: the only way user or list text goes into a message. `&`, `<` and `>`
 * are the control characters of Slack markup (`<!channel>`, `<@U123>`, `<http://x|text>`); escaped,
 * they show as typed and do nothing.
 *
 * @param text Any text.
 * @returns Text safe inside mrkdwn.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A link in mrkdwn. The URL comes from the list, not from Slack, but is still made unable to break
 * out of `<…|…>`; the label is escaped, and its `|` would end the URL part so it is replaced.
 *
 * @param url The target.
 * @param label The text shown.
 * @returns `<url|label>`, or the escaped label when the URL is not http(s).
 */
export function mrkdwnLink(url: string, label: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMrkdwn(label);
  const safeUrl = url.replace(/[<>|\s]/g, (char) => encodeURIComponent(char));
  return `<${safeUrl}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}
