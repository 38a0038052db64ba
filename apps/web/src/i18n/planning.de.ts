/** UI texts of planning (stub until the feature fills it). */
export const planningDe = {} as const;
