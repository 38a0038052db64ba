/** German texts of the cooperation screens. */
export const cooperationDe = {} as const;
