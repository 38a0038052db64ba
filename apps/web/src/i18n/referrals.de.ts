/** German texts of the referrals screens. */
export const referralsDe = {} as const;
