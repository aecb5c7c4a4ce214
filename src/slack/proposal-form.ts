import type { webApi } from '@slack/bolt';
import type { CommandContext } from '../commands/context.ts';
import { proposalHelp } from '../commands/propose.ts';
import { type Reply, type RichText, textReply, viewOf } from '../commands/reply.ts';
import { notSubscribedReply, storeUnavailableReply } from '../commands/weekly.ts';
import { StoreUnavailableError } from '../store/types.ts';
import { type ProposalRequest, proposalLimits } from '../votes/proposals.ts';
import { formatDay, formatWhen } from '../weekly/dates.ts';
import { mrkdwn, type SlackBlock, toSlackMessage } from './blocks.ts';

/** Slack ids of the proposal form and the message shortcut; manifest.yml declares the shortcut. */
export const proposalIds = Object.freeze({
  /** The modal's `callback_id`: its submission comes back to the view listener. */
  form: 'propose_paper',
  /** The message shortcut "Propose to reading group" (Slack allows names of 24 characters at most). */
  shortcut: 'propose_from_message',
  /** Input blocks of a paper outside the list (their action ids are all `value`). */
  titleBlock: 'title',
  urlBlock: 'url',
});

/** What the form carries to its submission. */
export interface ProposalFormState {
  channel: string;
  /** A paper of the list; absent for a link the list does not have (its title and link are inputs). */
  paperId?: string;
}

/** A Block Kit view (modal), as plain JSON. */
export type SlackView = Record<string, unknown>;

const channelId = /^[CGD][A-Z0-9]{2,20}$/;

/**
 * The form that confirms a proposal: the list's paper, or a title and a link to check for a paper the
 * list does not have, and what will become of it in this channel.
 *
 * @param request A list paper, or a link (with or without a title).
 * @param state The channel it is proposed for (and the list paper).
 * @param where What happens once proposed (a candidate in the vote of…, or queued).
 * @returns The modal.
 */
export function proposalForm(
  request: Extract<ProposalRequest, { kind: 'list' | 'outside' | 'untitled' }>,
  state: ProposalFormState,
  where: RichText,
): SlackView {
  const forChannel = channelId.test(state.channel) ? `For <#${state.channel}>: ` : '';
  const note: SlackBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `${forChannel}${mrkdwn(where)}` }],
  };
  const blocks: SlackBlock[] =
    request.kind === 'list'
      ? [...paperBlocks(request), note]
      : [
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: 'This link is not in the list: give the paper’s title, and check the link.',
            },
          },
          {
            type: 'input',
            block_id: proposalIds.titleBlock,
            label: { type: 'plain_text', text: 'Title' },
            element: {
              type: 'plain_text_input',
              action_id: 'value',
              max_length: proposalLimits.title,
              ...(request.kind === 'outside' ? { initial_value: request.title } : {}),
              placeholder: { type: 'plain_text', text: 'The paper’s title, as its authors wrote it' },
            },
          },
          {
            type: 'input',
            block_id: proposalIds.urlBlock,
            label: { type: 'plain_text', text: 'Link' },
            element: { type: 'url_text_input', action_id: 'value', initial_value: request.url },
          },
          note,
        ];
  return {
    type: 'modal',
    callback_id: proposalIds.form,
    title: { type: 'plain_text', text: 'Propose a paper' },
    submit: { type: 'plain_text', text: 'Propose' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(state),
    blocks,
  };
}

function paperBlocks(request: Extract<ProposalRequest, { kind: 'list' }>): SlackBlock[] {
  return toSlackMessage({
    text: request.paper.title,
    blocks: [{ type: 'paper', paper: viewOf(request.paper), actions: [] }],
    visibility: 'ephemeral',
  }).blocks;
}

/**
 * A modal that only says something (a proposal that changed nothing: already posted, already
 * proposed): what the form turns into on submission.
 *
 * @param reply The answer.
 * @returns The modal, without a submit button.
 */
export function answerView(reply: Reply): SlackView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Propose a paper' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: toSlackMessage(reply).blocks,
  };
}

/**
 * Read the form's state back; anything else (a forged or truncated value) reads as nothing.
 *
 * @param metadata The view's `private_metadata`.
 * @returns The state, or `undefined`.
 */
export function readFormState(metadata: string): ProposalFormState | undefined {
  try {
    const value = JSON.parse(metadata) as { channel?: unknown; paperId?: unknown };
    if (typeof value.channel !== 'string' || !channelId.test(value.channel)) return undefined;
    return {
      channel: value.channel,
      ...(typeof value.paperId === 'string' ? { paperId: value.paperId } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Open the proposal form for a request (the message shortcut), or say why not.
 *
 * @param client The request's Web API client.
 * @param triggerId Slack's trigger for opening a modal (valid for 3 seconds).
 * @param request What was asked for.
 * @param context The request (channel, user, weekly state and votes).
 * @returns `undefined` once the form is open; otherwise the reply to show instead.
 */
export async function offerProposal(
  client: webApi.WebClient,
  triggerId: string,
  request: ProposalRequest,
  context: CommandContext,
): Promise<Reply | undefined> {
  const answer = await proposalAnswer(request, context);
  return 'reply' in answer ? answer.reply : openProposalForm(client, triggerId, answer, context);
}

/**
 * Open the form, once {@link proposalAnswer} said it should.
 *
 * @param client The request's Web API client.
 * @param triggerId Slack's trigger for opening a modal.
 * @param form The request to confirm and what will become of it.
 * @param context The request.
 * @returns `undefined` once open; the reply saying it failed otherwise.
 */
export async function openProposalForm(
  client: webApi.WebClient,
  triggerId: string,
  form: FormRequest,
  context: CommandContext,
): Promise<Reply | undefined> {
  const { request, where } = form;
  const state = {
    channel: context.channel.id,
    ...(request.kind === 'list' ? { paperId: request.paper.id } : {}),
  };
  try {
    // The Web API client types views as its own classes; this one is plain Block Kit JSON.
    await client.views.open({ trigger_id: triggerId, view: proposalForm(request, state, where) as never });
    return undefined;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? String(error);
    return textReply([`I could not open the proposal form (${code}): please try again.`]);
  }
}

/** A request the form confirms, and what will become of it. */
export interface FormRequest {
  request: Extract<ProposalRequest, { kind: 'list' | 'outside' | 'untitled' }>;
  where: RichText;
}

/**
 * Whether a request gets the form (and what the form says will happen), or a reply instead: nothing to
 * propose, no paper of the week here, no database.
 *
 * @param request What was asked for.
 * @param context The request.
 * @returns The form's request, or the reply.
 */
export async function proposalAnswer(
  request: ProposalRequest,
  context: CommandContext,
): Promise<{ reply: Reply } | FormRequest> {
  if (request.kind === 'none') return { reply: proposalHelp(request.reason, request.words, context) };
  const { weekly, votes } = context;
  if (!weekly || !votes) return { reply: textReply(['Proposals are not available here.']) };
  try {
    if (!(await weekly.subscription(context.channel.id))) return { reply: notSubscribedReply(context) };
    const next = await votes.nextVote(context.channel.id, context.now);
    return {
      request,
      where: next
        ? [
            `it will be a candidate in the vote on the paper of ${formatDay(next.slot, next.timeZone)}, which opens `,
            { text: formatWhen(next.opensAt, next.timeZone), bold: true },
            '.',
          ]
        : ['this channel does not vote, so it joins the queue of papers to read next.'],
    };
  } catch (error) {
    if (error instanceof StoreUnavailableError) return { reply: storeUnavailableReply(context) };
    throw error;
  }
}
