import { hostsForSource } from '../packages/core/src/egress/allowList';
import { SOURCES, type SourceId } from '../packages/core/src/topology';

/**
 * The value of `EGRESS_ALLOWED_HOSTS` for a function that calls the given
 * sources: their hosts from core's allow-list, comma-separated.
 *
 * @param sources - the sources the function reaches over the network
 */
const egressHostsFor = (sources: readonly SourceId[]): string =>
  [...new Set(sources.flatMap((source) => hostsForSource(source)))].join(',');

/**
 * The sources an adapter reaches itself. A bulk source's adapter screens
 * the stored copy and calls no one; its refresh job does the download.
 *
 * @param source - the source the adapter serves
 */
const adapterEgressSources = (source: SourceId): SourceId[] =>
  SOURCES[source].kind === 'per-subject' ? [source] : [];

export { adapterEgressSources, egressHostsFor };
