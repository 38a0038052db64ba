/** UI texts of organisation (stub until the feature fills it). */
export const organisationDe = {} as const;
