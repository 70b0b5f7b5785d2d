/**
 * Attribute names whose values are PHI or identify a person, compared
 * without case, `_` or `-`. Their values are replaced, whatever they hold.
 */
const PHI_KEYS = new Set([
  'dob',
  'dateofbirth',
  'birthdate',
  'ssn',
  'givenname',
  'familyname',
  'firstname',
  'lastname',
  'middlename',
  'fullname',
  'name',
  'displayname',
  'licensenumber',
  'email',
  'subject',
  'body',
]);

const SSN_PATTERN = /\b\d{3}-\d{2}-\d{4}\b/g;
const REDACTED = '[redacted]';
const MAX_DEPTH = 6;

const normaliseKey = (key: string): string =>
  key.toLowerCase().replace(/[_-]/g, '');

/** A URL without its query string and fragment, which may carry PHI. */
const stripQuery = (value: string): string => {
  const cut = value.search(/[?#]/);

  return cut === -1 ? value : value.slice(0, cut);
};

/**
 * Returns a copy of log attributes that is safe to write: PHI-named keys
 * redacted, SSN-shaped text masked, URLs cut before their query string.
 * Errors keep their name and message (which core never fills with PHI)
 * but not their context objects.
 */
const redactPhi = (value: unknown, depth = 0): unknown => {
  if (depth > MAX_DEPTH) return REDACTED;
  if (typeof value === 'string') {
    const masked = value.replace(SSN_PATTERN, REDACTED);

    return /^https?:\/\//i.test(masked) ? stripQuery(masked) : masked;
  }
  if (value instanceof Error) {
    return { name: value.name, message: redactPhi(value.message, depth + 1) };
  }
  if (Array.isArray(value)) {
    return value.map((item) => redactPhi(item, depth + 1));
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = PHI_KEYS.has(normaliseKey(key))
        ? REDACTED
        : redactPhi(inner, depth + 1);
    }

    return out;
  }

  return value;
};

export { redactPhi, stripQuery };
