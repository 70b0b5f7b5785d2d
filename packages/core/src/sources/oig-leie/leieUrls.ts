/**
 * The LEIE full list. Only this file is the authority for who is excluded
 * now; monthly supplements are never merged into it.
 */
const LEIE_UPDATED_URL =
  'https://oig.hhs.gov/exclusions/downloadables/UPDATED.csv';

export { LEIE_UPDATED_URL };
