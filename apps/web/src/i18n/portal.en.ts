import type { portalDe } from './portal.de';

/** English texts of the portal screens (same keys as German). */
export const portalEn: Record<keyof typeof portalDe, string> = {};
