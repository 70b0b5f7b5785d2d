/**
 * Builders of SAM.gov Exclusions API v4 answers in the real JSON format,
 * with made-up people. The source simulator serves them and tests reuse
 * them, so both speak the format the parser must read.
 */

/** The made-up excluded party a record describes. */
interface SamPerson {
  firstName?: string;
  middleName?: string;
  lastName?: string;
  suffix?: string;
  /** For a firm; leave the name parts out. */
  entityName?: string;
  /** Ten digits, or omitted for the many records without an NPI. */
  npi?: string;
}

/** Knobs of one record; every one has a realistic default. */
interface SamRecordOptions {
  classificationType?: 'Individual' | 'Firm' | 'Special Entity Designation';
  exclusionType?: string;
  /** `MM-DD-YYYY`, as the API writes it. */
  activateDate?: string;
  /** `MM-DD-YYYY`, `Indefinite`, or null. */
  terminationDate?: string | null;
  terminationType?: 'Indefinite' | 'Definite';
  recordStatus?: 'Active' | 'Inactive';
}

/** A record as SAM.gov sends it: plain JSON values. */
type SamRecordJson = Record<string, unknown>;

/**
 * One `excludedEntity` element with every block the API sends.
 *
 * @example makeSamRecord({ firstName: 'Ada', lastName: 'Quill' },
 *   { terminationDate: '03-01-2024', terminationType: 'Definite' })
 */
const makeSamRecord = (
  person: SamPerson,
  options: SamRecordOptions = {},
): SamRecordJson => {
  const firm = person.entityName !== undefined && person.lastName === undefined;
  const indefinite = (options.terminationType ?? 'Indefinite') === 'Indefinite';

  return {
    classification: {},
    exclusionDetails: {
      classificationType:
        options.classificationType ?? (firm ? 'Firm' : 'Individual'),
      exclusionType: options.exclusionType ?? 'Prohibition/Restriction',
      exclusionProgram: 'Reciprocal',
      excludingAgencyCode: 'HHS',
      excludingAgencyName: 'HEALTH AND HUMAN SERVICES, DEPARTMENT OF',
    },
    exclusionIdentification: {
      ueiSAM: null,
      cageCode: null,
      npi: person.npi ?? null,
      prefix: null,
      firstName: person.firstName ?? null,
      middleName: person.middleName ?? null,
      lastName: person.lastName ?? null,
      suffix: person.suffix ?? null,
      entityName: person.entityName ?? null,
      dnbOpenData: null,
    },
    exclusionActions: {
      listOfActions: [
        {
          createDate: options.activateDate ?? '06-20-2022',
          updateDate: options.activateDate ?? '06-20-2022',
          activateDate: options.activateDate ?? '06-20-2022',
          terminationDate:
            options.terminationDate === undefined
              ? indefinite
                ? 'Indefinite'
                : '06-20-2027'
              : options.terminationDate,
          terminationType: options.terminationType ?? 'Indefinite',
          recordStatus: options.recordStatus ?? 'Active',
        },
      ],
    },
    exclusionAddress: {
      addressLine1: '88 LANTERN HILL RD',
      addressLine2: null,
      city: 'MAPLETON',
      stateOrProvinceCode: 'OH',
      zipCode: '45001',
      zipCodePlus4: null,
      countryCode: 'USA',
    },
    exclusionOtherInformation: {
      additionalComments: null,
      ctCode: null,
      evsInvestigationStatus: null,
      references: { referencesList: [] },
      moreLocations: [],
    },
    vesselDetails: null,
  };
};

/**
 * A success body: `totalRecords` (default: the records given), the records,
 * and the paging links. A count above the records makes a partial page.
 */
const makeSamBody = (
  records: readonly SamRecordJson[],
  totalRecords: number = records.length,
): SamRecordJson => ({
  totalRecords,
  excludedEntity: [...records],
  links: {
    selfLink:
      'https://api.sam.gov/entity-information/v4/exclusions?api_key=REPLACE_WITH_API_KEY&page=0&size=10',
  },
});

/** An error body as SAM.gov sends it with a 4xx status. */
const makeSamErrorBody = (
  message = 'The search criteria is invalid',
): SamRecordJson => ({
  message,
  detail: 'Please check the query parameters and try again.',
});

export type { SamPerson, SamRecordJson, SamRecordOptions };
export { makeSamBody, makeSamErrorBody, makeSamRecord };
