// Runs while the page is still parsing, before the app's modules download: the first IndexedDB call
// makes Chromium load the origin's backing store (about a second at 300,000 talents), so this one
// starts it as early as possible. renderer/db/earlyStart.ts takes the answer. Plain script, no
// modules, so nothing has to load first; same-origin file, so the strict CSP allows it.
(function () {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  window.__talentLedgerEarlyDatabases = indexedDB.databases().catch(function () {
    return undefined;
  });
})();
