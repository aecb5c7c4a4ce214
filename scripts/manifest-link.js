// The README's one-click "create the app" link: Slack's new-app page with manifest.yml filled in.
//
//   node scripts/manifest-link.js                          print the link (npm run -s manifest-link)
//   node scripts/manifest-link.js --write                  put it in README.md, in place of the old one
//   node scripts/manifest-link.js --command /optpaper-dev  the link for a staging app beside production,
//                                                          whose command is /optpaper-dev
//   node scripts/manifest-link.js --yaml [--command …]     print the manifest itself, to paste by hand
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The defaults, one place. */
export const manifestLinkDefaults = Object.freeze({
  root: fileURLToPath(new URL('..', import.meta.url)),
  /** Slack's page for a new app, which takes a manifest in `manifest_yaml` (YAML or JSON). */
  base: 'https://api.slack.com/apps?new_app=1&manifest_yaml=',
  /** The link as the README writes it: a Markdown link whose target starts with `base`. */
  inReadme: /\(https:\/\/api\.slack\.com\/apps\?new_app=1&manifest_yaml=[^)\s]*\)/g,
});

/**
 * Whether a text can be a slash command's name as Slack allows it: a slash, then 1 to 31 characters
 * with no space, no second slash and no capital. The same rule as `isCommandName` in
 * src/commands/command-name.ts, which OPTPAPER_COMMAND must pass (this script runs without a build).
 *
 * @param {string} name The candidate, such as `/optpaper-dev`.
 * @returns {boolean} True when Slack could deliver a command by that name.
 */
export function isCommandName(name) {
  return /^\/[^\s/]{1,31}$/u.test(name) && name === name.toLowerCase();
}

/**
 * The manifest with its slash command renamed (`/optpaper-dev` for a staging app beside production),
 * comments and the description included, so that the new app says what its own command is. The
 * bot's name and `@optpaper` stay: rename the app on Slack's page if two apps of one name confuse.
 *
 * @param {string} manifest The manifest, as YAML text.
 * @param {string} command The new name.
 * @returns {string} The manifest text.
 */
export function withCommand(manifest, command) {
  if (!isCommandName(command))
    throw new Error(
      `not a slash command name Slack allows (a slash, up to 31 lowercase characters): ${command}`,
    );
  const declared = manifest.match(/^\s+- command: (\S+)$/gm) ?? [];
  if (declared.length !== 1)
    throw new Error(`the manifest should declare one slash command, found ${declared.length}`);
  // `/optpaper` as a word: not `@optpaper`, not a path such as `…/optpaper.db`, not `/optpaper-x`.
  return manifest.replace(/(?<![\w/.@-])\/optpaper(?![\w-])/g, () => command);
}

/**
 * The link that creates the app from a manifest. Besides what `encodeURIComponent` escapes, `( ) ' ! *`
 * are escaped too, so that the link survives as a Markdown link target.
 *
 * @param {string} manifest The manifest, as YAML text.
 * @returns {string} The URL.
 */
export function manifestLink(manifest) {
  const encoded = encodeURIComponent(manifest).replace(
    /[()'!*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${manifestLinkDefaults.base}${encoded}`;
}

/**
 * The manifest a link carries.
 *
 * @param {string} link A link made by {@link manifestLink}.
 * @returns {string} The manifest text.
 */
export function manifestOf(link) {
  if (!link.startsWith(manifestLinkDefaults.base))
    throw new Error(`not a create-app link: ${link.slice(0, 60)}`);
  return decodeURIComponent(link.slice(manifestLinkDefaults.base.length));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { root, inReadme } = manifestLinkDefaults;
  const args = process.argv.slice(2);
  const at = args.indexOf('--command');
  const command = at >= 0 ? args[at + 1] : undefined;
  const manifest = readFileSync(join(root, 'manifest.yml'), 'utf8');
  let text = manifest;
  try {
    if (at >= 0 && (command === undefined || command.startsWith('--')))
      throw new Error('--command needs a name, such as --command /optpaper-dev');
    if (command !== undefined && args.includes('--write'))
      throw new Error("--write puts manifest.yml's own link in README.md; it takes no --command");
    if (command !== undefined) text = withCommand(manifest, command);
  } catch (error) {
    process.stderr.write(`optpaper: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const link = manifestLink(text);
  if (args.includes('--yaml')) {
    process.stdout.write(text);
  } else if (args.includes('--write')) {
    const readmePath = join(root, 'README.md');
    const readme = readFileSync(readmePath, 'utf8');
    const found = readme.match(inReadme) ?? [];
    if (found.length !== 1) {
      process.stderr.write(`optpaper: README.md should hold one create-app link, found ${found.length}\n`);
      process.exitCode = 1;
    } else {
      writeFileSync(readmePath, readme.replace(inReadme, `(${link})`));
      process.stderr.write('optpaper: README.md now links to the current manifest.yml\n');
    }
  } else {
    process.stdout.write(`${link}\n`);
  }
}
