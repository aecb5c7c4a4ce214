import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { paperById } from '../../../commands/papers.ts';
import { textReply } from '../../../commands/reply.ts';
import { sharedPaperMessage, shareOutcomeReply } from '../../../commands/share.ts';
import { toSlackMessage } from '../../blocks.ts';
import { deliveryDefaults } from '../../deliveries.ts';
import { commandContext, type SlackDeps } from '../../deps.ts';
import { callSlack, editPolicy, interactivePolicy, postMessage } from '../../post.ts';
import { logOf } from '../../request-log.ts';
import { teamKey } from '../../team.ts';

/** Share's own timing, one place. */
export const shareDefaults = Object.freeze({
  /**
   * A double click is two presses with two `action_ts`: the same person sharing the same paper in the
   * same channel within this long is one share.
   */
  doubleClickMs: 30_000,
});

/**
 * Share: post the paper into the channel (as the bot, naming who shared it), then tell the sharer
 * how it went. Once posted, the search results are replaced by "Shared ✓" (through the action's
 * `response_url`), so there is no button left to post it again; a failed post is explained, with what
 * to do, and the results stay so that Share can be pressed again.
 *
 * @param deps Listener dependencies.
 * @returns The Bolt listener.
 */
export function sharePaper(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
    logger: appLogger,
    context,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    const logger = logOf({ context, logger: appLogger });
    await ack();
    const team = teamKey(context);
    const channel = body.channel?.id;
    const where = { team, channel: channel ?? '', user: body.user.id };
    const paper = paperById(await commandContext(deps, where), action.value ?? '');
    if (!channel || !paper) {
      const text = paper
        ? 'I cannot tell which channel to share into.'
        : 'That paper is no longer in the list.';
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...toSlackMessage(textReply([text])),
      });
      return;
    }
    const key = `share:${team}:${channel}:${body.user.id}:${paper.id}`;
    if (deps.store) {
      const claim = await deps.store
        .claimDelivery(key, {
          at: deps.clock(),
          staleMs: deliveryDefaults.staleMs,
          ttlMs: shareDefaults.doubleClickMs,
        })
        // The store failing must not stop a share: at worst a double click posts twice.
        .catch(() => 'claimed' as const);
      // The first press answers the sharer; the second has nothing to add.
      if (claim === 'duplicate') return;
    }
    const message = toSlackMessage(sharedPaperMessage(paper, body.user.id));
    const result = await postMessage(
      client,
      { channel, ...message },
      interactivePolicy,
      deps.sleep,
      deps.stopping,
    );
    if (result.ok) await deps.store?.finishDelivery(key, deps.clock()).catch(() => undefined);
    else {
      await deps.store?.releaseDelivery(key).catch(() => undefined);
      logger.warn(`share of ${paper.id} in ${channel} failed: ${result.failure} ${result.error}`);
    }
    // Replacing the results is what takes the button away: worth retrying (made twice, it replaces
    // the same message with the same text), or a press after the double-click window posts again.
    const told = await callSlack(
      () =>
        respond({
          response_type: 'ephemeral',
          replace_original: result.ok,
          ...toSlackMessage(shareOutcomeReply(result, paper.title, channel)),
        }),
      editPolicy,
      deps.sleep,
      deps.stopping,
    );
    if (!told.ok) {
      logger.warn(
        `share of ${paper.id} in ${channel}: the sharer could not be told (${told.failure}: ${told.error})` +
          (result.ok ? '; their Share button stays, and a press after 30 s would share it again' : ''),
      );
    }
  };
}
