// Bundle-time stand-in for `vscode` (scripts/build.mjs resolves every `import ... from 'vscode'` of
// src/ to this file). esbuild wraps each `import * as vscode from 'vscode'` of an external CommonJS
// module in its own __toESM() copy of the whole API object (a getter per name, about 300 names),
// once per importing file; through this one re-export the copy is made once.
export * from 'vscode';
