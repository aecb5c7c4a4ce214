import { type PresenterService, presenterLimits } from '../presenters/service.ts';
import type { Subscription } from '../store/types.ts';
import { formatDay } from '../weekly/dates.ts';
import { pickView } from '../weekly/messages.ts';
import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import { type Inline, type Reply, type ReplyBlock, type RichText, textReply } from './reply.ts';
import { notSubscribedReply, withWeekly } from './weekly.ts';

/** Most people in one channel's list: a round of more than a year of weeks is not a rotation. */
const maxPresenters = 52;

/** Coming turns shown by `/optpaper presenters`. */
const shownTurns = 4;

/** Words that remove the list. */
const clearWords = new Set(['clear', 'off', 'none', 'stop']);

/** Minutes in a unit of `presenters lead`. */
const leadUnits: Readonly<Record<string, number>> = Object.freeze({
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
  h: 60,
  hour: 60,
  hours: 60,
  d: 1440,
  day: 1440,
  days: 1440,
});

/** How to set the list, in the command's name as typed. */
const usage = (context: CommandContext): RichText => [
  'Set who leads the discussion, in turn: ',
  { text: commandText(context, 'presenters @ana @ben @chloé'), code: true },
  '. Then ',
  { text: 'presenters', code: true },
  ' shows the order, ',
  { text: 'presenters swap @ana @ben', code: true },
  ' exchanges two places, ',
  { text: 'presenters skip @ana', code: true },
  ' (or ',
  { text: 'skip me', code: true },
  ') makes someone miss their next turn, ',
  { text: 'presenters lead 48', code: true },
  ' tells the leader 48 hours before the post (',
  { text: '2 days', code: true },
  ', ',
  { text: '90 minutes', code: true },
  ' work too), ',
  { text: 'presenters clear', code: true },
  ' removes the list.',
];

/**
 * `/optpaper presenters …`: who leads the discussion of the paper of the week, in turn.
 *
 * @param args The words after `presenters`, mentions removed.
 * @param context The request.
 * @param mentions The people mentioned (`<@U…>`), in order.
 * @returns The reply.
 */
export function presentersReply(
  args: string,
  context: CommandContext,
  mentions: readonly string[] = [],
): Promise<Reply> {
  return withWeekly(context, async (weekly) => {
    const presenters = context.presenters;
    if (!presenters) return textReply(['Discussion leaders are not available here.']);
    const channel = context.channel.id;
    const subscription = await weekly.subscription(channel);
    if (!subscription) return notSubscribedReply(context);
    const words = args.split(' ').filter((word) => word !== '');
    const unresolved = words.filter((word) => word.startsWith('@'));
    if (unresolved.length > 0) {
      // Quoted back, a few and short: the text is the user's, and may be a wall of it.
      const named = unresolved.slice(0, 5).map((word) => (word.length > 40 ? `${word.slice(0, 39)}…` : word));
      const more = unresolved.length > 5 ? ` and ${unresolved.length - 5} more` : '';
      return textReply([
        `I cannot tell who ${named.join(', ')}${more} ${unresolved.length === 1 ? 'is' : 'are'}: mention people so that Slack links them (type @ and pick the name from the list).`,
      ]);
    }
    const [first = '', ...rest] = words.map((word) => word.toLowerCase());
    const timeZone = subscription.timeZone;
    const by: Inline = { user: context.user.id };
    /** " Next: @ben on Mon 7 Dec 2026 (BatchNorm)." once the list changed. */
    const next = async (label: string): Promise<Inline[]> => {
      const [plan] = await presenters.upcoming(channel, 1, context.now);
      if (!plan) return [];
      return [
        ` ${label}: `,
        { user: plan.user },
        ' on ',
        { text: formatDay(plan.at, timeZone), bold: true },
        ` (${pickView(plan.pick).title}).`,
      ];
    };

    if (first === '' && mentions.length === 0) return showReply(context, presenters, subscription);
    if (first === '') {
      const people = [...new Set(mentions)];
      if (people.length > maxPresenters)
        return textReply([`That is ${people.length} people; a list holds at most ${maxPresenters}.`]);
      await presenters.set(channel, people);
      const text: Inline[] = [
        by,
        ' set who leads the discussion, in turn: ',
        ...people.flatMap(listed),
        '.',
        ...(await next('First')),
      ];
      text.push(
        ` Each leader gets a direct message ${leadText(subscription.presenterLeadMinutes)} before the post.`,
      );
      return textReply(text, 'in_channel');
    }
    if (clearWords.has(first) && rest.length === 0 && mentions.length === 0) {
      await presenters.set(channel, []);
      const text: Inline[] = [by, ' removed the list of discussion leaders: weekly posts name nobody.'];
      return textReply(text, 'in_channel');
    }
    if (first === 'swap' && rest.length === 0) {
      const [a, b] = mentions;
      if (mentions.length !== 2 || !a || !b || a === b)
        return textReply([`Swap takes two people: ${commandText(context, 'presenters swap @ana @ben')}`]);
      if (!(await presenters.swap(channel, a, b)))
        return textReply([
          `Both must be in the list to swap places; ${commandText(context, 'presenters')} shows it.`,
        ]);
      const text: Inline[] = [by, ' swapped ', { user: a }, ' and ', { user: b }, ' in the order.'];
      return textReply([...text, ...(await next('Next'))], 'in_channel');
    }
    if (first === 'skip') {
      const who =
        rest.length === 1 && rest[0] === 'me' && mentions.length === 0 ? [context.user.id] : mentions;
      const [user] = who;
      if (who.length !== 1 || !user || (rest.length > 0 && rest[0] !== 'me'))
        return textReply([
          `Skip takes one person: ${commandText(context, 'presenters skip @ana')} (or skip me)`,
        ]);
      if (!(await presenters.skip(channel, user, context.now)))
        return textReply([{ user }, ' is not in the list of discussion leaders here.']);
      const text: Inline[] = [
        { user },
        ' misses their next turn leading the discussion (back the round after).',
      ];
      return textReply([...text, ...(await next('Next'))], 'in_channel');
    }
    if (first === 'lead' && mentions.length === 0) {
      const minutes = leadMinutes(rest);
      if (minutes === undefined)
        return textReply([
          `Say how long before the post the leader is told, up to ${leadText(presenterLimits.maxLeadMinutes)}: ${commandText(context, 'presenters lead 48')} (hours), lead 2 days, lead 90 minutes`,
        ]);
      await presenters.setLead(channel, minutes);
      const text: Inline[] = [
        by,
        ` set the reminder: each discussion leader gets a direct message ${leadText(minutes)} before the post.`,
      ];
      return textReply(text, 'in_channel');
    }
    return textReply(usage(context));
  });
}

/**
 * `/optpaper presenters` alone: the order, where the round stands, and the coming turns.
 *
 * @param context The request.
 * @param presenters The workspace's leaders.
 * @param subscription The channel's, as the command read it (its time zone and reminder lead).
 * @returns The reply.
 */
async function showReply(
  context: CommandContext,
  presenters: PresenterService,
  subscription: Subscription,
): Promise<Reply> {
  const channel = context.channel.id;
  const order = await presenters.list(channel);
  if (order.length === 0) return textReply(['Nobody leads the discussion here yet. ', ...usage(context)]);
  const { timeZone, presenterLeadMinutes: leadMinutes } = subscription;
  const round = await presenters.round(channel);
  const coming = await presenters.upcoming(channel, Math.min(shownTurns, order.length), context.now);
  const nextOf = new Map<string, Date>();
  for (const plan of coming) if (!nextOf.has(plan.user)) nextOf.set(plan.user, plan.at);
  const lines: Inline[] = [];
  order.forEach((user, index) => {
    const next = nextOf.get(user);
    const state = round.led.has(user)
      ? 'led this round'
      : round.skipped.has(user)
        ? 'skips this round'
        : next
          ? `leads ${formatDay(next, timeZone)}`
          : 'later this round';
    lines.push(`${index + 1}. `, { user }, ` · ${state}`);
    if (round.skipNext.has(user)) lines.push(' · skips next round');
    lines.push('\n');
  });
  const blocks: ReplyBlock[] = [
    { type: 'header', text: 'Discussion leaders' },
    { type: 'text', text: lines.slice(0, -1) },
  ];
  if (coming.length > 0) {
    blocks.push({ type: 'context', text: ['Coming:'] });
    for (const plan of coming) {
      blocks.push({
        type: 'paper',
        paper: {
          ...pickView(plan.pick),
          note: [{ text: formatDay(plan.at, timeZone), bold: true }, ' · led by ', { user: plan.user }],
        },
        actions: [],
      });
    }
  }
  blocks.push({
    type: 'context',
    text: [
      `Each leader gets a direct message ${leadText(leadMinutes)} before the post (change it: `,
      { text: commandText(context, 'presenters lead <hours>'), code: true },
      ').',
    ],
  });
  const [next] = coming;
  return {
    text: next
      ? `Discussion leaders: ${order.length}; next: @${next.user} on ${formatDay(next.at, timeZone)}`
      : `Discussion leaders: ${order.length}`,
    blocks,
    visibility: 'ephemeral',
  };
}

/** A person in a list: "@ana, @ben". */
function listed(user: string, index: number): Inline[] {
  return index === 0 ? [{ user }] : [', ', { user }];
}

/**
 * How long before the post, as people say it: "2 days", "36 hours", "90 minutes".
 *
 * @param minutes A lead in minutes.
 * @returns The text.
 */
export function leadText(minutes: number): string {
  const unit = (count: number, name: string) => `${count} ${name}${count === 1 ? '' : 's'}`;
  if (minutes % 1440 === 0) return unit(minutes / 1440, 'day');
  if (minutes % 60 === 0) return unit(minutes / 60, 'hour');
  return unit(minutes, 'minute');
}

/** `48`, `48 hours`, `2 days`, `2d`, `90 minutes`: minutes within bounds, or undefined. */
function leadMinutes(words: readonly string[]): number | undefined {
  const joined = words.join(' ');
  const match = /^(\d{1,5}(?:\.\d+)?)\s*([a-z]*)$/.exec(joined);
  if (!match) return undefined;
  // An unknown unit makes the lead NaN, which the bounds refuse.
  const perUnit = match[2] ? (leadUnits[match[2]] ?? Number.NaN) : 60;
  const minutes = Math.round(Number(match[1]) * perUnit);
  return minutes >= 1 && minutes <= presenterLimits.maxLeadMinutes ? minutes : undefined;
}
