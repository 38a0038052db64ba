export { type BuildAppOptions, buildApp, type RouteEntry } from './app';
export { type AppConfig, configFromEnv, DEFAULT_CONFIG } from './config';
export { hashPassword } from './features/auth/password';
export { caseFileQuery } from './features/cases/repository';
export { OrganisationModelRepository } from './features/organisation-model/repository';
export { contactOfficerIds } from './features/organisation-model/routing';
export { type Modul13RunResult, previewModul13, recordModul13 } from './features/statistics/service';
export { createTenant, createUserDirect, ensureCaseDefaultsForAllTenants, findTenant, listTenants } from './features/tenants/provisioning';
