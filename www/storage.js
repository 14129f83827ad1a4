// The article text kept in this browser's localStorage, and nowhere else.
//
// localStorage may be missing (blocked cookies, some private modes throw on
// access) or full (a long article over the quota): both are reported as a
// state, never thrown, so the page keeps working without it.

function isQuotaError(err) {
  return (
    err instanceof DOMException &&
    (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22 || err.code === 1014)
  );
}

/**
 * A store for one string under `key`.
 * save() returns "saved", "cleared", "full" (over quota; any older copy is
 * removed so that a reload does not bring back stale text) or "unavailable".
 */
export function createTextStore(key) {
  let storage = null;
  try {
    storage = window.localStorage;
    // Some browsers expose the object but throw on use.
    storage.getItem(key);
  } catch {
    storage = null;
  }

  return {
    get available() {
      return storage !== null;
    },
    load() {
      if (!storage) return null;
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    save(text) {
      if (!storage) return 'unavailable';
      if (text === '') return this.clear();
      try {
        storage.setItem(key, text);
        return 'saved';
      } catch (err) {
        try {
          storage.removeItem(key);
        } catch {
          /* nothing more to do */
        }
        return isQuotaError(err) ? 'full' : 'unavailable';
      }
    },
    clear() {
      if (!storage) return 'unavailable';
      try {
        storage.removeItem(key);
        return 'cleared';
      } catch {
        return 'unavailable';
      }
    },
  };
}
