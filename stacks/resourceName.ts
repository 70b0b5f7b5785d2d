/**
 * Physical name of a stage's resource: the stage in front of the base name
 * from core's topology, so stages can share one account without clashing.
 *
 * @param stage - the SST stage
 * @param base - a base name from `RESOURCE_NAMES` or `sourceQueueName`
 */
const resourceName = (stage: string, base: string): string =>
  `${stage}-${base}`;

export { resourceName };
