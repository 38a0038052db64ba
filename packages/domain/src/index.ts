export * from './errors';
export * from './person';
export * from './roles';
export * from './search';
export * from './tenant';
