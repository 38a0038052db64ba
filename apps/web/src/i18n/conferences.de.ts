/** German texts of the conferences screens. */
export const conferencesDe = {} as const;
