/**
 * Tells whether a stage name is a production stage: `prod`, `production`
 * or anything starting with `prod-`. Compared case-insensitively, so a
 * stage spelled `Prod` cannot slip through as non-production.
 */
const isProductionStage = (stage: string): boolean => {
  const name = stage.trim().toLowerCase();

  return name === 'prod' || name === 'production' || name.startsWith('prod-');
};

export { isProductionStage };
