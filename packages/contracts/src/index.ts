export * from './audit';
export * from './auth';
export * from './cases';
export * from './common';
export * from './cooperation';
export * from './households';
export * from './persons';
export * from './users';
