export { type BuildAppOptions, buildApp, type RouteEntry } from './app';
export { type AppConfig, configFromEnv, DEFAULT_CONFIG } from './config';
export { hashPassword } from './features/auth/password';
export { createTenant, createUserDirect, ensureCaseDefaultsForAllTenants, findTenant, listTenants } from './features/tenants/provisioning';
