/**
 * The EventBridge expressions the cadence runs on (UTC; EventBridge rules
 * have no time zone). The topology's `SCHEDULES` reads these, so the
 * deployed rules and the policy table cannot disagree.
 */
const CADENCE_SCHEDULES = {
  /**
   * How often the sweep looks for due checks. Finer than the smallest
   * retry delay of any policy, so a backoff is kept to within one step.
   */
  sweep: 'rate(15 minutes)',
  /**
   * Bulk lists are fetched conditionally once a day: LEIE publishes
   * monthly (by about the 10th) and a new list makes its checks due at
   * once, so a new list is screened within a day of its release.
   */
  listRefresh: 'cron(0 6 * * ? *)',
  /**
   * Sources that report changes (Nursys e-Notify) are asked for them once
   * a day; a reported nurse's check is due at once.
   */
  changeNotices: 'cron(0 5 * * ? *)',
} as const;

export { CADENCE_SCHEDULES };
