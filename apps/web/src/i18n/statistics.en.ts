import type { statisticsDe } from './statistics.de';

/** UI texts of statistics (stub until the feature fills it). */
export const statisticsEn: Record<keyof typeof statisticsDe, string> = {};
