/** UI texts of reports (stub until the feature fills it). */
export const reportsDe = {} as const;
