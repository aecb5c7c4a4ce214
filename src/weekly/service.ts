/** Paper-of-the-week operations that commands use (subscriptions, rotation, history). */
export interface WeeklyService {
  /** Whether the channel gets a weekly paper. */
  isSubscribed(channel: string): boolean;
}
