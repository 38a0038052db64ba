import type { organisationDe } from './organisation.de';

/** UI texts of organisation (stub until the feature fills it). */
export const organisationEn: Record<keyof typeof organisationDe, string> = {};
