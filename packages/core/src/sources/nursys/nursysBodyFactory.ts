/**
 * Builders of Nursys e-Notify answers in the JSON format the adapter
 * reads, with made-up nurses. The source simulator serves them and tests
 * reuse them, so both speak the format the parser must read.
 */

/** A body as Nursys sends it: plain JSON values. */
type NursysJson = Record<string, unknown>;

/** One error as Nursys lists it. */
interface NursysErrorJson {
  ErrorCode: string;
  ErrorMessage: string;
}

/** Knobs of one discipline; every one has a realistic default. */
interface NursysDisciplineOptions {
  /** Either timestamp form; default with no zone. */
  dateOfAction?: string;
  againstPrivilegeToPractice?: boolean;
  npdbBasisCodes?: string[];
  npdbActionCodes?: string[];
  documentIds?: string[];
}

/** Knobs of one license; every one has a realistic default. */
interface NursysLicenseOptions {
  jurisdiction?: string;
  licenseNumber?: string;
  licenseType?: string;
  active?: boolean;
  licenseStatus?: string;
  /** Either timestamp form, e.g. `2028-06-30T00:00:00-05:00`. */
  originalDate?: string;
  expirationDate?: string | null;
  compactStatus?: 'Multistate' | 'Single State' | null;
  disciplines?: NursysDisciplineOptions[];
}

/** A made-up nurse and her licenses, as one lookup record. */
interface NursysRecordOptions {
  recordId?: string;
  firstName?: string;
  middleName?: string | null;
  lastName?: string;
  licenses?: NursysLicenseOptions[];
  successFlag?: boolean;
  errors?: NursysErrorJson[];
}

/** One element of a license's `Disciplines`. */
const makeNursysDiscipline = (
  options: NursysDisciplineOptions = {},
): NursysJson => ({
  DateOfAction: options.dateOfAction ?? '2024-03-12T00:00:00',
  AgainstPrivilegeToPractice: options.againstPrivilegeToPractice ?? false,
  NpdbBasisCodes: options.npdbBasisCodes ?? ['F1'],
  NpdbActionCodes: options.npdbActionCodes ?? ['1145'],
  DocumentIds: options.documentIds ?? ['DOC-100245'],
});

/**
 * One element of `Licenses`: an active Kansas RN, multistate, expiring
 * in 2028, without discipline, unless told otherwise.
 *
 * @example makeNursysLicense({ licenseNumber: 'RN000042',
 *   expirationDate: '2024-01-31T00:00:00-06:00', active: false })
 */
const makeNursysLicense = (options: NursysLicenseOptions = {}): NursysJson => {
  const active = options.active ?? true;

  return {
    JurisdictionAbbreviation: options.jurisdiction ?? 'KS',
    Jurisdiction: 'Kansas',
    LicenseNumber: options.licenseNumber ?? 'RN000001',
    LicenseType: options.licenseType ?? 'RN',
    Active: active,
    LicenseStatus: options.licenseStatus ?? (active ? 'Active' : 'Inactive'),
    LicenseOriginalDate: options.originalDate ?? '2016-07-14T00:00:00',
    LicenseExpirationDate:
      options.expirationDate === undefined
        ? '2028-06-30T00:00:00-05:00'
        : options.expirationDate,
    CompactStatus:
      options.compactStatus === undefined
        ? 'Multistate'
        : options.compactStatus,
    Disciplines: (options.disciplines ?? []).map(makeNursysDiscipline),
  };
};

/** One element of `NurseLookupResponses`. */
const makeNursysRecord = (options: NursysRecordOptions = {}): NursysJson => ({
  RecordId: options.recordId ?? 'rec-1',
  SuccessFlag: options.successFlag ?? true,
  Errors: options.errors ?? [],
  NurseLookup:
    options.successFlag === false
      ? null
      : {
          FirstName: options.firstName ?? 'AVERY',
          MiddleName: options.middleName ?? null,
          LastName: options.lastName ?? 'ASHGROVE',
          Licenses: (options.licenses ?? [{}]).map(makeNursysLicense),
        },
});

/** The `Transaction` block; success unless errors are given. */
const makeNursysTransaction = (
  transactionId: string,
  errors: NursysErrorJson[] = [],
): NursysJson => ({
  TransactionId: transactionId,
  TransactionDate: '2025-01-15T09:30:00',
  TransactionSuccessFlag: errors.length === 0,
  TransactionErrors: errors,
});

/** The answer to a submit (POST). */
const makeNursysSubmitBody = (
  transactionId: string,
  errors: NursysErrorJson[] = [],
): NursysJson => ({
  Transaction: makeNursysTransaction(transactionId, errors),
});

/**
 * A nurse lookup result (GET). Not complete: no responses yet.
 *
 * @example makeNursysResultBody('tx-1', [makeNursysRecord()])
 */
const makeNursysResultBody = (
  transactionId: string,
  records: readonly NursysJson[] | null,
): NursysJson => ({
  Transaction: makeNursysTransaction(transactionId),
  ProcessingCompleteFlag: records !== null,
  NurseLookupResponses: records === null ? null : [...records],
});

/** One element of `NotificationLookupResponses`. */
const makeNursysNotification = (license: {
  jurisdiction: string;
  licenseNumber: string;
  licenseType: string;
  notificationType?: 'LicenseStatus' | 'Discipline' | 'LicenseExpiration';
  notificationDate?: string;
}): NursysJson => ({
  JurisdictionAbbreviation: license.jurisdiction,
  LicenseNumber: license.licenseNumber,
  LicenseType: license.licenseType,
  NotificationType: license.notificationType ?? 'LicenseStatus',
  NotificationDate: license.notificationDate ?? '2025-01-14T16:02:11-06:00',
});

/** A notification lookup result (GET). Not complete: no responses yet. */
const makeNursysNotificationBody = (
  transactionId: string,
  notifications: readonly NursysJson[] | null,
): NursysJson => ({
  Transaction: makeNursysTransaction(transactionId),
  ProcessingCompleteFlag: notifications !== null,
  NotificationLookupResponses:
    notifications === null ? null : [...notifications],
});

export type {
  NursysDisciplineOptions,
  NursysErrorJson,
  NursysJson,
  NursysLicenseOptions,
  NursysRecordOptions,
};
export {
  makeNursysDiscipline,
  makeNursysLicense,
  makeNursysNotification,
  makeNursysNotificationBody,
  makeNursysRecord,
  makeNursysResultBody,
  makeNursysSubmitBody,
  makeNursysTransaction,
};
