import type { conferencesDe } from './conferences.de';

/** English texts of the conferences screens (same keys as German). */
export const conferencesEn: Record<keyof typeof conferencesDe, string> = {};
