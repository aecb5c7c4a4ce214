/**
 * The slash command's name where nothing else says which: the one manifest.yml declares. A staging
 * app beside production declares another (`/optpaper-dev`); replies name the one that was typed.
 */
export const defaultCommand = '/optpaper';

/**
 * Whether a text can be a slash command's name as Slack allows it: a slash, then 1 to 31 characters
 * with no space, no second slash and no capital (Slack keeps command names lowercase).
 *
 * @param name The candidate, such as `/optpaper-dev`.
 * @returns True when Slack could deliver a command by that name.
 */
export function isCommandName(name: string): boolean {
  return /^\/[^\s/]{1,31}$/u.test(name) && name === name.toLowerCase();
}

/**
 * A command line as a reply shows it, under the command's name in this place: `/optpaper-dev vote 2`
 * where the command was typed as `/optpaper-dev`.
 *
 * @param where The request (its `command`, absent where no name was given), or the name itself.
 * @param words What follows the command, if anything.
 * @returns The command line.
 */
export function commandText(
  where: { command?: string | undefined } | string | undefined,
  words = '',
): string {
  const name = (typeof where === 'string' ? where : where?.command) ?? defaultCommand;
  return words === '' ? name : `${name} ${words}`;
}
