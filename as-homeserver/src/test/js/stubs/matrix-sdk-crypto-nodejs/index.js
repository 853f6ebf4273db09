'use strict';
// matrix-bot-sdk requires this module when it loads but calls it only for end-to-end encryption, which the
// compatibility tests never enable. Every export is a class that throws when used.
module.exports = new Proxy({}, {
  get(target, name) {
    if (name === '__esModule' || name === 'then' || typeof name === 'symbol') {
      return undefined;
    }
    return function Unavailable() {
      throw new Error('end-to-end encryption is not available in these tests (' + String(name) + ')');
    };
  },
});
