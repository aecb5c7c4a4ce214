// The README's one-click "create the app" link: Slack's new-app page with manifest.yml filled in.
//
//   node scripts/manifest-link.js          print the link (npm run -s manifest-link)
//   node scripts/manifest-link.js --write  put it in README.md, in place of the old one
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
  const link = manifestLink(readFileSync(join(root, 'manifest.yml'), 'utf8'));
  if (process.argv.includes('--write')) {
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
