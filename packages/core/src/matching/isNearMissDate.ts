/** True for the `YYYY-MM-DD` shape (digits are compared, not checked). */
const isDateShaped = (date: string): boolean =>
  date.length === 10 && date[4] === '-' && date[7] === '-';

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
 * Runs for every name-matched row, so it allocates nothing.
 *
 * @param a - `YYYY-MM-DD`
 * @param b - `YYYY-MM-DD`
 * @example isNearMissDate('1984-03-07', '1984-07-03') // true
 */
const isNearMissDate = (a: string, b: string): boolean => {
  if (!isDateShaped(a) || !isDateShaped(b) || a === b) {
    return false;
  }

  let differing = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < 10; i += 1) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      differing += 1;
      if (first === -1) first = i;
      last = i;
    }
  }
  if (differing === 1) {
    return true;
  }
  // Neighbours within one field: the dashes sit between fields.
  if (
    differing === 2 &&
    last === first + 1 &&
    a[first] === b[last] &&
    a[last] === b[first]
  ) {
    return true;
  }

  return (
    a.slice(0, 4) === b.slice(0, 4) &&
    a.slice(5, 7) === b.slice(8, 10) &&
    a.slice(8, 10) === b.slice(5, 7)
  );
};

export { isNearMissDate };
