import type { referralsDe } from './referrals.de';

/** English texts of the referrals screens (same keys as German). */
export const referralsEn: Record<keyof typeof referralsDe, string> = {};
