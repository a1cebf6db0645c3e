// The simulator's public entry point.

export { startSimulator } from './simulator';
export type { SimState } from './state';
export type * from './types';
