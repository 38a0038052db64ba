export * from './connect';
export * from './demo-cases-load';
export * from './demo-cooperation-load';
export * from './demo-load';
export * from './migrate';
export * from './pglite-lock';
export type * from './schema';
export * from './tenant-scope';
export * from './testing';
