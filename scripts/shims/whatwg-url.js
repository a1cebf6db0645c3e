// Bundle-time stand-in for the `whatwg-url` package that node-fetch v2 requires: node-fetch only
// uses it when Node lacks url.URL (`Url.URL || whatwgUrl.URL`), which Node 20 never does, and the
// real package drags a 260 KB Unicode table (tr46) into the extension bundle.
'use strict';
module.exports = { URL: require('node:url').URL };
