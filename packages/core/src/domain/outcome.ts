import * as z from 'zod';

/**
 * The seven outcomes a check can end in (see ARCHITECTURE.md).
 *
 * Note: `clear` is the only outcome that tells a hospital "nothing adverse".
 * Every code path that is unsure must choose another outcome.
 */
const OUTCOMES = [
  'clear',
  'flagged',
  'needs_review',
  'expired',
  'not_found',
  'source_unavailable',
  'invalid_input',
] as const;

const outcomeSchema = z.enum(OUTCOMES);

type Outcome = z.infer<typeof outcomeSchema>;

/** Outcomes that people must hear about when a check changes to them. */
const NOTIFIABLE_OUTCOMES = ['flagged', 'expired', 'needs_review'] as const;

export type { Outcome };
export { NOTIFIABLE_OUTCOMES, OUTCOMES, outcomeSchema };
