// Stylesheets imported for their side effect: esbuild bundles the CSS a panel's main.ts imports into
// media/dist/<panel>.css.
declare module '*.css';
