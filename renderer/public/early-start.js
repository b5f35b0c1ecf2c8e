// Runs while the page is still parsing, before the app's modules download: the first IndexedDB call
// makes Chromium load the origin's backing store (about a second at 300,000 talents), so this one
// starts it as early as possible. renderer/db/earlyStart.ts takes the answer. Plain script, no
// modules, so nothing has to load first; same-origin file, so the strict CSP allows it.
// It opens the app's database without a version and reports the stored version in the shape of
// indexedDB.databases(), which measured about a second slower here (it reads every database of the
// origin). A database that does not exist is not created: its creation is aborted.
(function () {
  if (typeof indexedDB === 'undefined') return;
  var name = 'talentledger';
  window.__talentLedgerEarlyDatabases = new Promise(function (resolve) {
    var request;
    try {
      request = indexedDB.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    request.onupgradeneeded = function () {
      // No such database: leave its creation to the app, with its schema.
      request.transaction.abort();
    };
    request.onsuccess = function () {
      var version = request.result.version;
      request.result.close();
      resolve([{ name: name, version: version }]);
    };
    request.onerror = function (event) {
      if (event && event.preventDefault) event.preventDefault();
      resolve([]);
    };
    request.onblocked = function () {
      resolve(undefined);
    };
  });
})();
