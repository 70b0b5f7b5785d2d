/** The eight digits of a `YYYY-MM-DD` date, or `null` for another shape. */
const digitsOf = (date: string): string | null =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.replaceAll('-', '') : null;

/** True when the digit strings differ by one typing slip. */
const oneSlipApart = (a: string, b: string): boolean => {
  const differing: number[] = [];
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) differing.push(i);
  }
  if (differing.length === 1) {
    return true;
  }
  const [first = -1, second = -1] = differing;

  return (
    differing.length === 2 &&
    second === first + 1 &&
    a[first] === b[second] &&
    a[second] === b[first]
  );
};

/**
 * True when two different dates of birth could be one date written down
 * with a common slip, so a name match must not be dismissed on them:
 * - one digit differs (`1984-02-29` and `1984-02-28`, `1974-02-29`);
 * - two neighbouring digits are swapped (`1984-02-29` and `1948-02-29`);
 * - day and month are swapped, the year the same (`1984-03-07` and
 *   `1984-07-03`), the US and European orders confused.
 *
 * Equal dates are not a near miss (they are a match), and neither is
 * anything else: a different year and month is another date of birth.
 *
 * @param a - `YYYY-MM-DD`
 * @param b - `YYYY-MM-DD`
 * @example isNearMissDate('1984-03-07', '1984-07-03') // true
 */
const isNearMissDate = (a: string, b: string): boolean => {
  const digitsA = digitsOf(a);
  const digitsB = digitsOf(b);
  if (digitsA === null || digitsB === null || digitsA === digitsB) {
    return false;
  }

  const swapped = `${digitsB.slice(0, 4)}${digitsB.slice(6, 8)}${digitsB.slice(4, 6)}`;

  return oneSlipApart(digitsA, digitsB) || digitsA === swapped;
};

export { isNearMissDate };
