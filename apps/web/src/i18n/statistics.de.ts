/** UI texts of statistics (stub until the feature fills it). */
export const statisticsDe = {} as const;
