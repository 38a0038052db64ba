import type { cooperationDe } from './cooperation.de';

/** English texts of the cooperation screens (same keys as German). */
export const cooperationEn: Record<keyof typeof cooperationDe, string> = {};
