/** German texts of the portal screens. */
export const portalDe = {} as const;
