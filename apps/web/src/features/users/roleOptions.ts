import { ROLE_LABELS_DE, ROLES } from '@lotse/domain';

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS_DE[r] }));
