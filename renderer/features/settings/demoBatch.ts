/** Shared by the page and the demo-data worker (the page must not import the worker module itself). */

/** Prefix of the import batch id of demo records, so they can be found and removed together. */
export const DEMO_BATCH_PREFIX = 'demo-';
