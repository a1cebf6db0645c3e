// esbuild bundles CSS imported by main.ts into media/dist/actionLog.css.
declare module '*.css';
