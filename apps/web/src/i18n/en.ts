export const en = {} as Record<import('./de').MessageKey, string>;
