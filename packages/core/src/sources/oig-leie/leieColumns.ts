/** The 18 columns of every LEIE file, in their order. */
const LEIE_COLUMNS = [
  'LASTNAME',
  'FIRSTNAME',
  'MIDNAME',
  'BUSNAME',
  'GENERAL',
  'SPECIALTY',
  'UPIN',
  'NPI',
  'DOB',
  'ADDRESS',
  'CITY',
  'STATE',
  'ZIP',
  'EXCLTYPE',
  'EXCLDATE',
  'REINDATE',
  'WAIVERDATE',
  'WVRSTATE',
] as const;

type LeieColumn = (typeof LEIE_COLUMNS)[number];

/**
 * The NPI the list writes for "no NPI". Most rows carry it, so it must
 * never be used as a join key.
 */
const LEIE_NO_NPI = '0000000000';

/** The date the list writes for "no date". */
const LEIE_NO_DATE = '00000000';

export type { LeieColumn };
export { LEIE_COLUMNS, LEIE_NO_DATE, LEIE_NO_NPI };
