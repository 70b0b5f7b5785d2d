import * as z from 'zod';
import { outcomeSchema } from '../domain/outcome';
import { SOURCE_IDS } from '../topology/sources';

/**
 * Event contracts between the sweep, the adapters, the notifier and the
 * container tier. Messages carry identifiers only, never PHI: an adapter
 * loads the subject from the store by `checkId`.
 */

const sourceIdSchema = z.enum(SOURCE_IDS);

/** Published by the sweep to the requests topic, one per claimed check. */
const verificationRequestedSchema = z.object({
  type: z.literal('verification.requested'),
  /** Unique per claim; a result is stored at most once per request. */
  requestId: z.string().min(1),
  checkId: z.string().min(1),
  source: sourceIdSchema,
  workerId: z.string().min(1),
  credentialId: z.string().min(1),
  dueAt: z.iso.datetime(),
  requestedAt: z.iso.datetime(),
});

/** Put on the Passport bus by an adapter after it stored a result. */
const verificationCompletedSchema = z.object({
  type: z.literal('verification.completed'),
  requestId: z.string().min(1),
  resultId: z.string().min(1),
  checkId: z.string().min(1),
  source: sourceIdSchema,
  workerId: z.string().min(1),
  credentialId: z.string().min(1),
  outcome: outcomeSchema,
  previousOutcome: outcomeSchema.nullable(),
  /** True when the outcome differs from the check's previous one. */
  changed: z.boolean(),
  findingCodes: z.array(z.string()),
  receiptKey: z.string().nullable(),
  adapterVersion: z.string().min(1),
  checkedAt: z.iso.datetime(),
});

type VerificationRequested = z.infer<typeof verificationRequestedSchema>;
type VerificationCompleted = z.infer<typeof verificationCompletedSchema>;

export type { VerificationCompleted, VerificationRequested };
export {
  sourceIdSchema,
  verificationCompletedSchema,
  verificationRequestedSchema,
};
