/** The app's page of one worker, where every notice links to. */
const workerAppUrl = (appBaseUrl: string, workerId: string): string =>
  new URL(`/workers/${encodeURIComponent(workerId)}`, appBaseUrl).toString();

export { workerAppUrl };
