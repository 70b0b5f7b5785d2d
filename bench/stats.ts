/** The middle value of the samples (mean of the two middle ones if even). */
const median = (samples: readonly number[]): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
};

/** Rounds for the results file: numbers stay numbers, with `digits` kept. */
const round = (value: number, digits = 2): number => {
  const factor = 10 ** digits;

  return Math.round(value * factor) / factor;
};

export { median, round };
