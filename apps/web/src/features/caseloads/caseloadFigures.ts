/**
 * What the caseload pages derive from the API's figures, kept pure for tests: formats, the target form's
 * values and their check, the chart's points and its summary in words, and signed differences.
 */
import type { CaseloadReport, CaseloadTargetSet, TeamCaseload } from '@lotse/contracts';
import {
  CASELOAD_ROLE_LABELS_DE,
  CASELOAD_ROLES,
  CASELOAD_TARGET_GROUPS,
  CASELOAD_TARGET_MAX,
  CASELOAD_TARGET_MIN,
  type CaseloadRole,
  type CaseloadTargetGroup,
} from '@lotse/domain';
import { type MessageKey, t } from '../../i18n';

export const PERCENT = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const WHOLE = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

export const formatPercent = (percent: number | null): string => (percent === null ? t('common.none') : `${PERCENT.format(percent)} %`);
export const formatCount = (n: number | null): string => (n === null ? t('common.none') : WHOLE.format(n));

/** "+2", "−3" (minus sign), "0": a difference reads as one at a glance. */
export function formatDifference(n: number): string {
  if (n > 0) return `+${WHOLE.format(n)}`;
  if (n < 0) return `−${WHOLE.format(-n)}`;
  return '0';
}

export type LoadStatusKey = 'over' | 'at' | 'under' | 'none';
export const statusKey = (status: 'over' | 'at' | 'under' | null): LoadStatusKey => status ?? 'none';
export const STATUS_TONES = { over: 'danger', at: 'info', under: 'success', none: 'neutral' } as const;
export const statusLabel = (status: 'over' | 'at' | 'under' | null) => t(`caseloads.status.${statusKey(status)}` as MessageKey);

// ——— target form ———

/** The form: one text per role and target group ("" = no target of its own). */
export type TargetValues = Record<CaseloadRole, Record<CaseloadTargetGroup, string>>;

export const targetInputId = (role: CaseloadRole, group: CaseloadTargetGroup) => `target-${role}-${group}`;

export function targetValuesOf(set: CaseloadTargetSet | null): TargetValues {
  const values = Object.fromEntries(
    CASELOAD_ROLES.map((role) => [role, Object.fromEntries(CASELOAD_TARGET_GROUPS.map((g) => [g, '']))]),
  ) as TargetValues;
  for (const target of set?.targets ?? []) values[target.role][target.ageGroup] = String(target.targetCases);
  return values;
}

/** The set to send, or the ids of the invalid inputs (whole numbers 1–1000; empty means none). */
export function targetsFromValues(
  values: TargetValues,
): { ok: true; targets: { role: CaseloadRole; ageGroup: CaseloadTargetGroup; targetCases: number }[] } | { ok: false; invalid: string[] } {
  const targets: { role: CaseloadRole; ageGroup: CaseloadTargetGroup; targetCases: number }[] = [];
  const invalid: string[] = [];
  for (const role of CASELOAD_ROLES) {
    for (const ageGroup of CASELOAD_TARGET_GROUPS) {
      const raw = values[role][ageGroup].trim();
      if (raw === '') continue;
      const n = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isInteger(n) || n < CASELOAD_TARGET_MIN || n > CASELOAD_TARGET_MAX) invalid.push(targetInputId(role, ageGroup));
      else targets.push({ role, ageGroup, targetCases: n });
    }
  }
  return invalid.length > 0 ? { ok: false, invalid } : { ok: true, targets };
}

export function sameTargetValues(a: TargetValues, b: TargetValues): boolean {
  return CASELOAD_ROLES.every((role) => CASELOAD_TARGET_GROUPS.every((g) => a[role][g].trim() === b[role][g].trim()));
}

// ——— chart ———

export interface LoadPoint {
  key: string;
  label: string;
  percent: number | null;
  status: 'over' | 'at' | 'under' | null;
  total: boolean;
}

const roleShort: Record<CaseloadRole, MessageKey> = {
  case_manager: 'caseloads.colOwner',
  placement_officer: 'caseloads.colPlacement',
  benefits_officer: 'caseloads.colBenefits',
};
export const roleLabel = (role: CaseloadRole) => CASELOAD_ROLE_LABELS_DE[role];
export const roleShortLabel = (role: CaseloadRole) => t(roleShort[role]);

export const teamName = (team: TeamCaseload) => (team.teamId === null ? t('caseloads.noTeam') : team.name);

/** One bar per team and role, then one per role for the total. */
export function loadPoints(report: CaseloadReport): LoadPoint[] {
  const points: LoadPoint[] = [];
  for (const team of report.teams) {
    for (const row of team.rows)
      points.push({
        key: `${team.teamId ?? 'none'}-${row.role}`,
        label: `${teamName(team)} – ${roleShortLabel(row.role)}`,
        percent: row.percent,
        status: row.status,
        total: false,
      });
  }
  for (const row of report.total.rows)
    points.push({
      key: `total-${row.role}`,
      label: `${t('caseloads.total')} – ${roleShortLabel(row.role)}`,
      percent: row.percent,
      status: row.status,
      total: true,
    });
  return points;
}

/** The chart in words: how many team rows are over, at and under the target, and the highest. */
export function loadSummary(points: readonly LoadPoint[]): string {
  const teams = points.filter((p) => !p.total);
  const count = (s: 'over' | 'at' | 'under') => teams.filter((p) => p.status === s).length;
  const withValue = teams.filter((p): p is LoadPoint & { percent: number } => p.percent !== null);
  const highest = withValue.sort((a, b) => b.percent - a.percent)[0];
  return t('caseloads.chartSummary', {
    over: count('over'),
    at: count('at'),
    under: count('under'),
    none: teams.filter((p) => p.percent === null).length,
    highest: highest ? `${highest.label} ${formatPercent(highest.percent)}` : t('caseloads.chartNoHighest'),
  });
}
