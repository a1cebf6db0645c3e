// Stylesheets imported for their side effect: esbuild bundles them into media/dist/metrics.css.
declare module '*.css';
