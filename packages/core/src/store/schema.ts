import type {
  ColumnType,
  Generated,
  Insertable,
  Selectable,
  Updateable,
} from 'kysely';
import type { Outcome } from '../domain/outcome';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/**
 * A healthcare worker. `date_of_birth` is PHI: it is read only by the
 * matching code and never logged (see `redactPhi`).
 */
interface WorkersTable {
  id: string;
  given_name: string;
  family_name: string;
  middle_name: string | null;
  date_of_birth: string | null;
  email: string;
  npi: string | null;
  /** Earlier family names (a JSON array of strings), screened too. */
  former_family_names: ColumnType<
    string[] | null,
    string | null | undefined,
    string | null
  >;
  created_at: Generated<Timestamp>;
}

interface FacilitiesTable {
  id: string;
  name: string;
  notify_email: string;
}

/** A worker employed at a facility from `starts_on` until `ends_on`. */
interface EngagementsTable {
  id: Generated<number>;
  facility_id: string;
  worker_id: string;
  starts_on: string;
  ends_on: string | null;
}

interface CredentialsTable {
  id: string;
  worker_id: string;
  kind: 'npi' | 'exclusion_screen' | 'license';
  label: string;
  jurisdiction: string | null;
  number: string | null;
  license_type: string | null;
  expires_on: string | null;
}

/**
 * One credential checked against one source. The lease fields are set by
 * the sweep's claim and cleared when a result is recorded.
 */
interface ChecksTable {
  id: string;
  credential_id: string;
  worker_id: string;
  source: string;
  next_due_at: Timestamp;
  lease_id: string | null;
  lease_expires_at: Timestamp | null;
  last_outcome: Outcome | null;
  last_result_id: string | null;
  last_checked_at: Timestamp | null;
  consecutive_failures: Generated<number>;
  /** Last time the source answered (see `VERIFIED_OUTCOMES`). */
  last_verified_at: Timestamp | null;
}

interface ResultsTable {
  id: string;
  request_id: string;
  check_id: string;
  source: string;
  outcome: Outcome;
  previous_outcome: Outcome | null;
  findings: Json<unknown>;
  receipt_key: string | null;
  adapter_version: string;
  checked_at: Timestamp;
}

/** Index of the archived receipts (the bytes live in the WORM bucket). */
interface ReceiptsTable {
  key: string;
  manifest_key: string;
  source: string;
  sha256: string;
  size_bytes: number;
  content_type: string;
  fetched_at: Timestamp;
}

/** One loaded copy of the LEIE full list; one row is `current`. */
interface LeieListsTable {
  id: Generated<number>;
  receipt_key: string;
  etag: string | null;
  last_modified: string | null;
  row_count: number;
  loaded_at: Timestamp;
  /** Last time the source confirmed this list is still the newest. */
  checked_at: Timestamp;
  is_current: boolean;
}

interface LeieExclusionsTable {
  list_id: number;
  row_no: number;
  record: Json<unknown>;
}

interface NotificationLogTable {
  id: Generated<number>;
  dedupe_key: string;
  notice_kind: string;
  recipient_role: string;
  recipient_email: string;
  worker_id: string | null;
  check_id: string | null;
  result_id: string | null;
  status: 'pending' | 'sent' | 'suppressed' | 'failed';
  ses_message_id: string | null;
  created_at: Generated<Timestamp>;
  reserved_at: Timestamp;
  sent_at: Timestamp | null;
}

/** An address the notifier must not mail (SES bounce or complaint). */
interface SuppressionsTable {
  email: string;
  reason: 'permanent_bounce' | 'complaint' | 'transient_bounces';
  suppressed_at: Timestamp;
}

/** One bounce or complaint for one address, as SES reported it. */
interface EmailFeedbackTable {
  id: Generated<number>;
  feedback_id: string;
  email: string;
  kind: string;
  ses_message_id: string | null;
  occurred_at: Timestamp;
}

/** One failed attempt at a queue message (SQS keeps no reason). */
interface MessageFailuresTable {
  id: Generated<number>;
  message_id: string;
  /** Queue name the message was received from. */
  queue: string;
  handler: string;
  error_name: string;
  /** PHI-free by construction: see `describeFailure`. */
  error_message: string;
  failed_at: Timestamp;
}

/** A DLQ message an operator sent back to its queue, once. */
interface MessageRedrivesTable {
  message_id: string;
  dead_letter_queue: string;
  target_queue: string;
  new_message_id: string;
  redriven_at: Timestamp;
}

/** One day's coverage of one source (see `computeCoverage`). */
interface CoverageReportsTable {
  day: string;
  source: string;
  checks: number;
  due: number;
  in_flight: number;
  overdue: number;
  never_verified: number;
  oldest_verified_at: Timestamp | null;
  computed_at: Timestamp;
}

/** Calls made to a quota-limited source on one UTC day (`YYYY-MM-DD`). */
interface SourceCallBudgetTable {
  source: string;
  day: string;
  calls: number;
  call_limit: number;
}

/** Where a Nursys lookup transaction stands. */
type NursysTransactionStatus =
  | 'submitting'
  | 'pending'
  | 'complete'
  | 'failed'
  | 'abandoned';

/** One Nursys nurse lookup transaction of one check. */
interface NursysTransactionsTable {
  id: Generated<number>;
  check_id: string;
  /** The request that submitted it. */
  request_id: string;
  /** Null while the submit is under way. */
  transaction_id: string | null;
  status: NursysTransactionStatus;
  submitted_at: Timestamp;
  updated_at: Timestamp;
  polls: Generated<number>;
  submit_receipt_key: string | null;
  result_receipt_key: string | null;
}

/** One daily Nursys notification lookup and the window it asked about. */
interface NursysNotificationLookupsTable {
  id: Generated<number>;
  window_start: Timestamp;
  window_end: Timestamp;
  transaction_id: string | null;
  status: 'started' | 'complete' | 'failed';
  receipt_key: string | null;
  reported: number | null;
  checks_marked_due: number | null;
  unknown_nurses: number | null;
  started_at: Timestamp;
  completed_at: Timestamp | null;
}

interface Database {
  workers: WorkersTable;
  facilities: FacilitiesTable;
  engagements: EngagementsTable;
  credentials: CredentialsTable;
  checks: ChecksTable;
  results: ResultsTable;
  receipts: ReceiptsTable;
  leie_lists: LeieListsTable;
  leie_exclusions: LeieExclusionsTable;
  notification_log: NotificationLogTable;
  coverage_reports: CoverageReportsTable;
  suppressions: SuppressionsTable;
  email_feedback: EmailFeedbackTable;
  message_failures: MessageFailuresTable;
  message_redrives: MessageRedrivesTable;
  source_call_budget: SourceCallBudgetTable;
  nursys_transactions: NursysTransactionsTable;
  nursys_notification_lookups: NursysNotificationLookupsTable;
}

type WorkerRow = Selectable<WorkersTable>;
type CheckRow = Selectable<ChecksTable>;
type ResultRow = Selectable<ResultsTable>;
type NewWorker = Insertable<WorkersTable>;
type NewFacility = Insertable<FacilitiesTable>;
type NewEngagement = Insertable<EngagementsTable>;
type NewCredential = Insertable<CredentialsTable>;
type NewCheck = Insertable<ChecksTable>;
type CheckUpdate = Updateable<ChecksTable>;

export type {
  CheckRow,
  CheckUpdate,
  Database,
  NewCheck,
  NewCredential,
  NewEngagement,
  NewFacility,
  NewWorker,
  NursysTransactionStatus,
  ResultRow,
  WorkerRow,
};
