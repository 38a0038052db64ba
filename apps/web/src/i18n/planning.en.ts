import type { planningDe } from './planning.de';

/** UI texts of planning (stub until the feature fills it). */
export const planningEn: Record<keyof typeof planningDe, string> = {};
