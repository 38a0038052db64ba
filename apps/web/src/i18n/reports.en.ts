import type { reportsDe } from './reports.de';

/** UI texts of reports (stub until the feature fills it). */
export const reportsEn: Record<keyof typeof reportsDe, string> = {};
