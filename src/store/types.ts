import type { VoteCandidate } from '../votes/candidates.ts';
import type { ChannelHistory } from '../weekly/rotation.ts';

/**
 * A workspace's key: Slack's team id (`T…`), or the enterprise id (`E…`) of an org-wide install.
 * Everything a channel owns is stored under it: one channel id in two workspaces is two channels.
 */
export type TeamKey = string;

/** A channel that gets a weekly paper, and when. */
export interface Subscription {
  team: TeamKey;
  channel: string;
  /** node-cron expression (five or six fields). */
  cron: string;
  /** IANA zone the cron's hours are in. */
  timeZone: string;
  /** Who set the current schedule: a Slack user id, or whatever the caller records (`WEEKLY_CHANNEL`). */
  createdBy: string;
  /**
   * When the current schedule starts (each `subscribe` resets it): slots up to it were never due, so
   * catch-up at start-up looks no further back than this. Usually when it was set; later when the
   * schedule changed just after a post (see WeeklyService.subscribe).
   */
  createdAt: Date;
  /** A paper every n-th week of the schedule (1: every week; 2: every other week). */
  every: number;
  /** When the channel votes on the next paper: how long before the post the vote opens. */
  voteLeadMinutes?: number;
  /** How long before the post this week's presenter gets a direct message. */
  presenterLeadMinutes: number;
}

/** Days a channel's weekly post takes a break: slots on these dates (its own, both included) post nothing. */
export interface Pause {
  id: number;
  /** `YYYY-MM-DD` in the channel's time zone. */
  startsOn: string;
  endsOn: string;
  createdBy: string;
  createdAt: Date;
}

/**
 * Where a fire stands.
 * - `posting`: claimed, the post is under way (or the process died during it: see `staleFires`).
 * - `posted`: Slack accepted the post; the only status that counts in the rotation's history.
 * - `failed`: every attempt failed; the slot is spent and is not retried by a later claim.
 * - `missed`: the slot passed while the bot was down, beyond the catch-up grace period (or came too
 *   soon after the previous post: see the runner's spacing rule).
 * - `interrupted`: found `posting` by a later process; whether Slack got the post is unknown.
 */
export type FireStatus = 'posting' | 'posted' | 'failed' | 'missed' | 'interrupted';

/** One scheduled slot of one channel, as stored. */
export interface FireRecord {
  id: number;
  team: TeamKey;
  channel: string;
  scheduledAt: Date;
  status: FireStatus;
  /** The reading claimed for the slot; empty for a `missed` slot. */
  paperIds: string[];
  links: string[];
  /** Section and cycle of the claimed pick; undefined for a `missed` slot. */
  section?: string;
  cycle?: number;
  /** Whether the pick came from the channel's queue. */
  queued: boolean;
  /** Slack's ts of the post (also its thread's ts), once posted. */
  messageTs?: string;
  /** Why the last attempt failed, or why a slot was recorded as missed. */
  error?: string;
  /** Attempts made, as the caller reported them (0 until `failFire`, 1 or more once posted). */
  attempts: number;
  /** When the row was written (claimed, or recorded as missed). */
  createdAt: Date;
  /** Last sign of life of the process posting it (`claimFire`, then `touchFire`). */
  heartbeatAt: Date;
  /** When it reached `posted`, `failed` or `interrupted`. */
  finishedAt?: Date;
}

/** A reading claimed for a slot: the row is written before the post, so a slot is never posted twice. */
export interface FireClaim {
  channel: string;
  scheduledAt: Date;
  paperIds: readonly string[];
  links: readonly string[];
  section: string;
  cycle: number;
  queued: boolean;
  /** Now, for the record. */
  at: Date;
}

/** A paper a channel asked for, waiting for its turn. */
export interface QueuedPaper {
  paperId: string;
  /** Who asked: a Slack user id. */
  by: string;
  at: Date;
}

/** One row of a channel's discussion leaders' history (presenters, turns). */
export interface PresenterTurn {
  /** The weekly slot the person leads; for a skip, when the skip was asked for. */
  slot: Date;
  user: string;
  /** The person asked to miss their next turn (`/optpaper presenters skip`). */
  skipped: boolean;
  /** When the person was told (a direct message) that they lead this slot. */
  notifiedAt?: Date;
  /** Whether the channel's post of that slot went out: a turn counts once its post did. */
  posted: boolean;
}

/**
 * One workspace's paper-of-the-week state: subscriptions, the weekly fires of each channel (the
 * rotation's history), each channel's queue of asked-for papers and its skips. Every time is passed
 * in (no clock inside); each method is one transaction, so a crash leaves no half-written step.
 */
export interface TeamStore {
  readonly team: TeamKey;
  /**
   * Subscribe a channel, or change its schedule (upsert). The channel's fires, queue and skips are
   * kept: a channel that comes back continues its rotation.
   *
   * @returns The subscription as stored.
   */
  subscribe(input: {
    channel: string;
    cron: string;
    timeZone: string;
    createdBy: string;
    at: Date;
    /** Every n-th week (default: 1). Voting and presenter settings are kept. */
    every?: number;
  }): Promise<Subscription>;
  /** Turn voting on (minutes before the post the vote opens) or off (`undefined`). @returns Whether subscribed. */
  setVoting(channel: string, leadMinutes: number | undefined): Promise<boolean>;
  /** How long before the post the presenter is told. @returns Whether subscribed. */
  setPresenterLead(channel: string, leadMinutes: number): Promise<boolean>;
  /** Add a break in the channel's weekly post. */
  addPause(
    channel: string,
    pause: { startsOn: string; endsOn: string; by: string; at: Date },
  ): Promise<Pause>;
  /** The channel's breaks, earliest first. */
  pauses(channel: string): Promise<Pause[]>;
  /** End every break that has not ended before `today` (`YYYY-MM-DD`). @returns How many ended. */
  endPauses(channel: string, today: string): Promise<number>;
  /**
   * Stop a channel's weekly post; its history stays, and the unsubscription is remembered (until the
   * channel subscribes again). @returns Whether it was subscribed.
   */
  unsubscribe(channel: string, at: Date): Promise<boolean>;
  /** When the channel last unsubscribed, if it has not subscribed since. */
  unsubscribedAt(channel: string): Promise<Date | undefined>;
  subscription(channel: string): Promise<Subscription | undefined>;
  /** The workspace's subscriptions, oldest schedule first. */
  subscriptions(): Promise<Subscription[]>;

  /**
   * Claim a slot before posting: writes a `posting` row unless the slot already has a row of any
   * status. This is the one step that decides who posts: with several processes on one database,
   * exactly one claim of a slot succeeds.
   *
   * @returns The fire's id, or `undefined` when the slot was already claimed (do not post).
   */
  claimFire(claim: FireClaim): Promise<number | undefined>;
  /**
   * A claimed fire was posted: status `posted`, its papers leave the channel's queue, and the channel's
   * open proposals of them (list papers by id, outside ones by `outside:<id>`) become `posted`, in one
   * transaction. Completes a fire in `posting`, `failed` or `interrupted` (a post found after the fact).
   *
   * @returns Whether a fire moved to `posted` (false for an unknown id, or one already posted or missed).
   */
  completeFire(id: number, result: { messageTs: string; attempts?: number; at: Date }): Promise<boolean>;
  /**
   * A claimed fire failed for good: status `failed`, with the last error and the attempts made.
   *
   * @returns Whether a `posting` fire moved to `failed`.
   */
  failFire(id: number, failure: { error: string; attempts: number; at: Date }): Promise<boolean>;
  /**
   * Give a claimed slot back, as if it had never been claimed: the bot stopped between attempts, so
   * the restart's catch-up posts it (within the grace period).
   *
   * @returns Whether a `posting` fire was released.
   */
  releaseFire(id: number): Promise<boolean>;
  /** The posting process is alive: moves the fire's heartbeat. @returns Whether it is still `posting`. */
  touchFire(id: number, at: Date): Promise<boolean>;
  /**
   * A slot that will not be posted: it passed while the bot was down and is too old to catch up, or
   * came too soon after the previous post. Recorded as `missed` so that it is neither caught up later
   * nor counted as posted.
   *
   * @returns Whether a row was written (false when the slot already had one).
   */
  recordMissed(input: { channel: string; scheduledAt: Date; at: Date; reason?: string }): Promise<boolean>;
  /** The fire with that id, in this workspace. */
  fire(id: number): Promise<FireRecord | undefined>;
  /** The fire of the channel's latest slot, whatever its status. */
  lastFire(channel: string): Promise<FireRecord | undefined>;
  /** Posted fires of a channel, newest slot first (default: all). */
  posts(channel: string, limit?: number): Promise<FireRecord[]>;
  /**
   * What the rotation needs: posted fires oldest first, the queue first-asked first, the skips in order,
   * and the open proposals of papers outside the list (`outside`, only when there are some).
   */
  history(channel: string): Promise<ChannelHistory>;
  /**
   * Fires of a channel whose slot lies after a time: left by a clock that ran ahead. Oldest first.
   */
  firesAfter(channel: string, time: Date): Promise<FireRecord[]>;
  /**
   * Move a fire to another slot (one in the future, left by a clock that ran ahead, back to now); a
   * finish time after the new slot comes back to it too. @returns Whether it moved (the slot was free).
   */
  moveFire(id: number, scheduledAt: Date): Promise<boolean>;

  /**
   * Ask for a paper in a channel; asking again keeps its place.
   *
   * @returns Whether it was added (false when already queued).
   */
  enqueue(channel: string, paperId: string, request: { by: string; at: Date }): Promise<boolean>;
  /** Take a paper out of a channel's queue. @returns Whether it was queued. */
  dequeue(channel: string, paperId: string): Promise<boolean>;
  /** A channel's queue, first asked first. */
  queue(channel: string): Promise<QueuedPaper[]>;

  /** Hold a reading back until the end of its cycle in a channel. */
  skip(
    channel: string,
    item: { paperIds: readonly string[]; links: readonly string[]; cycle: number; at: Date },
  ): Promise<void>;

  // Presenters, links that remember, the Home tab (issue 12, second half).
  /** Replace the channel's discussion leaders, in order (an empty list removes them). */
  setPresenters(channel: string, users: readonly string[]): Promise<void>;
  /** The channel's discussion leaders, in order. */
  presenters(channel: string): Promise<string[]>;
  /** Exchange the places of two leaders. @returns Whether both are in the list. */
  swapPresenters(channel: string, first: string, second: string): Promise<boolean>;
  /**
   * Record a turn: someone leads a slot (once its post went out), or asked to miss their next turn
   * (`skipped`, with the time they asked as its slot). @returns Whether it was new.
   */
  recordPresenterTurn(
    channel: string,
    turn: { slot: Date; user: string; skipped?: boolean },
  ): Promise<boolean>;
  /**
   * Claim the direct message telling someone they lead a slot: exactly one claim of a (slot, person)
   * succeeds, whatever the number of processes. @returns Whether this one won (send the message).
   */
  claimPresenterNotice(channel: string, notice: { slot: Date; user: string; at: Date }): Promise<boolean>;
  /** The message could not be sent: a later claim may try again. */
  releasePresenterNotice(channel: string, notice: { slot: Date; user: string }): Promise<void>;
  /** The channel's turns and skips, oldest first (at one time, skips before turns). */
  presenterTurns(channel: string): Promise<PresenterTurn[]>;
  /** Someone opened the bot's Home tab: it is published again for them when what it shows changes. */
  recordHomeView(user: string, at: Date): Promise<void>;
  /** Everyone who opened the Home tab in this workspace, first opened first. */
  homeViewers(): Promise<string[]>;
  // Votes and proposals (the reading group, issue 12).

  /**
   * Open the vote on a slot's paper: one per channel and slot, whoever asks first (with several
   * processes, exactly one succeeds, and only it posts the vote's message).
   *
   * @returns The vote, or `undefined` when the slot already has one.
   */
  startVote(input: {
    channel: string;
    slot: Date;
    candidates: readonly VoteCandidate[];
    at: Date;
  }): Promise<VoteRecord | undefined>;
  /** The vote's message was posted. @returns Whether the vote exists. */
  setVoteMessage(id: number, messageTs: string): Promise<boolean>;
  /** The vote with that id, in this workspace. */
  vote(id: number): Promise<VoteRecord | undefined>;
  /** The vote on a channel's slot, open or closed. */
  voteAt(channel: string, slot: Date): Promise<VoteRecord | undefined>;
  /** The channel's votes not closed yet, earliest slot first. */
  currentVotes(channel: string): Promise<VoteRecord[]>;
  /**
   * A person's ballot: one per person and vote, changeable until the vote closes. Atomic with
   * {@link closeVote}: a ballot is either counted or told the vote closed.
   */
  castBallot(voteId: number, ballot: { user: string; choice: string; at: Date }): Promise<BallotOutcome>;
  /** A vote's ballots, first cast first (a changed ballot keeps its place). */
  ballots(voteId: number): Promise<Ballot[]>;
  /**
   * Close a vote: its ballots are final from then on. @returns Whether this call closed it (false when
   * it was closed already, or is unknown).
   */
  closeVote(id: number, at: Date): Promise<boolean>;
  /** Record which candidate a closed vote chose. @returns Whether the vote exists. */
  setVoteWinner(id: number, winner: string): Promise<boolean>;
  /**
   * Propose a paper for a channel: a list paper (`paperId`) or an outside one (title and link). It stays
   * `open` until a post names it (see {@link completeFire}).
   */
  propose(input: {
    channel: string;
    paperId?: string;
    title: string;
    url?: string;
    by: string;
    at: Date;
  }): Promise<ProposalRecord>;
  /** The channel's open proposals, first proposed first. */
  proposals(channel: string): Promise<ProposalRecord[]>;
  /** A proposal, whatever its status. */
  proposal(id: number): Promise<ProposalRecord | undefined>;
  /** Take an open proposal back (`withdrawn`). @returns Whether it was open. */
  withdrawProposal(id: number, at: Date): Promise<boolean>;
}

/** A channel's vote on the paper of one slot, as stored. */
export interface VoteRecord {
  id: number;
  team: TeamKey;
  channel: string;
  /** The slot whose paper is voted on. */
  slot: Date;
  /** In the order the buttons show them; the first is what the rotation posts with nobody voting. */
  candidates: VoteCandidate[];
  /** The vote's message in the channel, once posted. */
  messageTs?: string;
  openedAt: Date;
  /** Set once the vote closed: ballots are final from then on. */
  closedAt?: Date;
  /** The key of the candidate that was posted; absent for a vote that closed without a winner. */
  winner?: string;
}

/** One person's choice in a vote. */
export interface Ballot {
  user: string;
  /** A candidate's key. */
  choice: string;
  at: Date;
}

/**
 * What a ballot did: `cast` (the person's first), `changed` (another choice than before), `unchanged`
 * (the same choice again: nothing to do), `closed` (the vote is closed, or unknown in this workspace).
 */
export type BallotOutcome = 'cast' | 'changed' | 'unchanged' | 'closed';

/** Where a proposal stands: waiting (a candidate, or queued), posted, or taken back. */
export type ProposalStatus = 'open' | 'posted' | 'withdrawn';

/** A paper a member proposed for a channel: from the list (`paperId`) or not (title and link only). */
export interface ProposalRecord {
  id: number;
  team: TeamKey;
  channel: string;
  paperId?: string;
  title: string;
  url?: string;
  by: string;
  at: Date;
  status: ProposalStatus;
  finishedAt?: Date;
}

/** A workspace's installation of the app (OAuth), as Slack gave it. */
export interface InstallationRecord {
  team: TeamKey;
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
  /** Bolt's `Installation`, as JSON: it holds the bot token (keep the database private). */
  installation: string;
  installedAt: Date;
}

/** What the store says about itself, for `/healthz` and the weekly commands. */
export type StoreHealth =
  | { ok: true; engine: 'sqlite' | 'postgres'; detail: string }
  | { ok: false; engine: 'sqlite' | 'postgres'; reason: string };

/**
 * The bot's state, every workspace of it. `team(key)` gives one workspace's state; the rest serves
 * the runner (every subscription, fires a dead process left behind) and the Slack layer (deliveries).
 *
 * Several processes may share one database (PostgreSQL, or SQLite on one machine): every step that
 * decides something (claiming a slot, claiming a delivery) is a single atomic write that only one
 * process can win.
 */
export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  /** One workspace's state. */
  team(team: TeamKey): TeamStore;
  /** Every subscription of every workspace, oldest schedule first. */
  allSubscriptions(): Promise<Subscription[]>;
  /**
   * Fires still `posting` whose process showed no sign of life since `before`: posts that a crash
   * interrupted. Oldest slot first.
   */
  staleFires(before: Date): Promise<FireRecord[]>;
  /** Mark a `posting` fire `interrupted`. @returns Whether it was `posting`. */
  markInterrupted(id: number, at: Date): Promise<boolean>;
  /** Every workspace's votes not closed yet, earliest slot first (votes and proposals, issue 12). */
  allOpenVotes(): Promise<VoteRecord[]>;

  /**
   * Claim one delivery of something Slack may deliver again (an event id, a button press): the first
   * claim wins. A claim left `working` for longer than `staleMs` (its process died) can be taken over;
   * any claim older than `ttlMs` is forgotten (the same key is new again).
   *
   * @returns `claimed` for the first (or a take-over), `duplicate` when done or being worked on.
   */
  claimDelivery(
    key: string,
    options: { at: Date; staleMs: number; ttlMs: number },
  ): Promise<'claimed' | 'duplicate'>;
  /** The claimed delivery was handled: later deliveries of it are duplicates until it expires. */
  finishDelivery(key: string, at: Date): Promise<void>;
  /** The claimed delivery failed before doing anything: let a redelivery try again. */
  releaseDelivery(key: string): Promise<void>;
  /** Forget deliveries claimed before a time. @returns How many were forgotten. */
  expireDeliveries(before: Date): Promise<number>;

  /** Save a workspace's installation (a reinstall replaces it and clears an uninstall). */
  saveInstallation(record: InstallationRecord): Promise<void>;
  /** A workspace's installation; undefined when it never installed or uninstalled since. */
  installation(team: TeamKey): Promise<InstallationRecord | undefined>;
  /**
   * The workspace uninstalled the app or revoked its tokens: the tokens are deleted and the uninstall
   * remembered (its weekly posts stop); its history stays until {@link purgeTeam}.
   *
   * @returns Whether an installation was removed.
   */
  removeInstallation(team: TeamKey, at: Date): Promise<boolean>;
  /** When the workspace uninstalled the app, if it has not installed it again since. */
  uninstalledAt(team: TeamKey): Promise<Date | undefined>;
  /** Delete every row a workspace owns (its history too). @returns How many rows were deleted. */
  purgeTeam(team: TeamKey): Promise<number>;

  /**
   * Give rows written before workspaces were told apart (a single-workspace database) to a team.
   *
   * @returns How many rows moved.
   */
  adoptUnscoped(team: TeamKey): Promise<number>;

  /** Whether the database answers, and if not, why. Never throws. */
  health(): Promise<StoreHealth>;
  /** Close the database; later calls throw. Closing twice is harmless. */
  close(): Promise<void>;
}

/** Thrown by a store that cannot be used (file deleted or replaced, disk corrupt, server gone). */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
