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
