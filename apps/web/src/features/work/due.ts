import { daysBetween } from '@lotse/domain';
import { t } from '../../i18n';

export interface DueState {
  overdue: boolean;
  /** "seit 5 Tagen überfällig", "heute fällig", "in 3 Tagen fällig". */
  text: string;
}

/** How a due date relates to today, as a readable German phrase (never colour alone). */
export function dueState(dueOn: string, today: string): DueState {
  const days = daysBetween(today, dueOn);
  if (days < 0) {
    const late = -days;
    return { overdue: true, text: late === 1 ? t('work.overdueOneDay') : t('work.overdueDays', { days: late }) };
  }
  if (days === 0) return { overdue: false, text: t('work.dueToday') };
  if (days === 1) return { overdue: false, text: t('work.dueTomorrow') };
  return { overdue: false, text: t('work.dueInDays', { days }) };
}

/** For items that wait for a decision since a day (a provider's proposal): "seit heute offen", "seit 3 Tagen offen". */
export function waitingState(since: string, today: string): { text: string; tone: 'info' | 'danger' } {
  const days = Math.max(0, daysBetween(since, today));
  if (days === 0) return { text: t('work.openSinceToday'), tone: 'info' };
  return { text: days === 1 ? t('work.openSinceOneDay') : t('work.openSinceDays', { days }), tone: days > 14 ? 'danger' : 'info' };
}
