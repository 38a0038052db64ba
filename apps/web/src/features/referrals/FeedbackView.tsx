/**
 * The provider's feedback and the referral's history, rendered readably: one entry per report with
 * its fields under German labels (shared by the case file tab and the provider portal).
 */
import type { FeedbackEntry } from '@lotse/contracts';
import {
  REFERRAL_RESULT_LABELS_DE,
  REFERRAL_STATUS_LABELS_DE,
  type ReferralResult,
  type ReferralStatus,
  WHEREABOUTS_LABELS_DE,
  type Whereabouts,
} from '@lotse/domain';
import type { ReactNode } from 'react';
import { type MessageKey, t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { formatMinute } from '../cases/caseFormKit';
import { categoryLabels } from './referralFormat';

/** Fields of a report (appointment, interim or final report), in reading order. */
export const REPORT_FIELDS = [
  'appointmentOn',
  'kept',
  'appointmentNote',
  'reportedOn',
  'processSteps',
  'subGoals',
  'plannedHelp',
  'summary',
  'arisingNeeds',
  'whereabouts',
  'whereaboutsNote',
  'nextSteps',
  'healthNotes',
] as const;
/** Fields of a status step (decline, start, completion, drop-out), in reading order. */
export const STATUS_FIELDS = [
  'declineReason',
  'startedOn',
  'notStartedReason',
  'endedOn',
  'result',
  'resultNote',
  'droppedOutOn',
  'dropOutReason',
] as const;
/** Fields in reading order; unknown fields follow under their key. */
export const FEEDBACK_FIELD_ORDER = [...REPORT_FIELDS, ...STATUS_FIELDS] as const;
export type FeedbackField = (typeof FEEDBACK_FIELD_ORDER)[number];

const DATE_FIELDS = new Set<string>(['appointmentOn', 'reportedOn', 'startedOn', 'endedOn', 'droppedOutOn']);

/** German label of a provider field (the same in the portal's forms). */
export function fieldLabel(field: string): string {
  return (FEEDBACK_FIELD_ORDER as readonly string[]).includes(field) ? t(`referrals.field.${field}` as MessageKey) : field;
}

/** Which step a status entry reports: the stored `action`, else guessed from its fields. */
function statusTitle(fields: Record<string, unknown>): string {
  const action = typeof fields.action === 'string' ? fields.action : null;
  if (action === 'accept') return t('referrals.statusEntry.accept');
  if (action === 'decline' || 'declineReason' in fields) return t('referrals.statusEntry.decline');
  if (action === 'not_start' || 'notStartedReason' in fields) return t('referrals.statusEntry.notStart');
  if (action === 'drop_out' || 'droppedOutOn' in fields) return t('referrals.statusEntry.dropOut');
  if (action === 'complete' || 'endedOn' in fields) return t('referrals.statusEntry.complete');
  if (action === 'start' || 'startedOn' in fields) return t('referrals.statusEntry.start');
  return t('referrals.statusEntry.other');
}

const dateField = (fields: Record<string, unknown>, key: string, fallback: string) =>
  formatDate(typeof fields[key] === 'string' ? (fields[key] as string) : fallback);

/** "Termin am 03.11.2026 – wahrgenommen", "Zwischenbericht vom 21.11.2026", "Statusmeldung: Beginn (21.11.2026)". */
export function entryTitle(entry: FeedbackEntry): string {
  const f = entry.fields;
  if (entry.kind === 'appointment') {
    return t('referrals.entryAppointment', {
      date: dateField(f, 'appointmentOn', entry.recordedOn),
      kept: f.kept === true ? t('referrals.keptYes') : f.kept === false ? t('referrals.keptNo') : '',
    });
  }
  if (entry.kind === 'interim_report') return t('referrals.entryInterim', { date: dateField(f, 'reportedOn', entry.recordedOn) });
  if (entry.kind === 'final_report') return t('referrals.entryFinal', { date: dateField(f, 'reportedOn', entry.recordedOn) });
  return t('referrals.entryStatus', { step: statusTitle(f), date: formatDate(entry.recordedOn) });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function renderValue(field: string, value: unknown, barrierTypeLabel: (id: string) => string | undefined): ReactNode {
  if (DATE_FIELDS.has(field)) return formatDate(text(value));
  if (field === 'kept') return value === true ? t('referrals.keptYes') : t('referrals.keptNo');
  if (field === 'result') return REFERRAL_RESULT_LABELS_DE[value as ReferralResult] ?? text(value);
  if (field === 'whereabouts') return WHEREABOUTS_LABELS_DE[value as Whereabouts] ?? text(value);
  if (field === 'subGoals' && Array.isArray(value)) {
    return (
      <ul className="feedback-entry__list">
        {value.map((g: { title?: unknown; dueOn?: unknown }, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: read-only list in stored order
          <li key={i}>
            {text(g.title)}
            {g.dueOn ? <span className="muted"> ({t('referrals.dueBy', { date: formatDate(text(g.dueOn)) })})</span> : null}
          </li>
        ))}
      </ul>
    );
  }
  if (field === 'arisingNeeds' && Array.isArray(value)) {
    return (
      <ul className="feedback-entry__list">
        {value.map((n: { barrierTypeId?: unknown; note?: unknown }, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: read-only list in stored order
          <li key={i}>
            <strong>{barrierTypeLabel(text(n.barrierTypeId)) ?? t('referrals.unknownBarrierType')}</strong>
            {n.note ? `: ${text(n.note)}` : null}
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return <span className="pre-line">{text(value)}</span>;
}

export function FeedbackEntryView({
  entry,
  barrierTypeLabel,
  headingLevel = 4,
}: {
  entry: FeedbackEntry;
  barrierTypeLabel: (id: string) => string | undefined;
  headingLevel?: 3 | 4 | 5;
}) {
  const Heading = `h${headingLevel}` as 'h3' | 'h4' | 'h5';
  const known = FEEDBACK_FIELD_ORDER.filter((f) => entry.fields[f] !== undefined && entry.fields[f] !== null && entry.fields[f] !== '');
  // `action` names the step (already in the title); other unknown fields follow under their key.
  const others = Object.keys(entry.fields).filter(
    (f) =>
      f !== 'action' &&
      !(FEEDBACK_FIELD_ORDER as readonly string[]).includes(f) &&
      entry.fields[f] !== null &&
      entry.fields[f] !== undefined,
  );
  const fields = [...known, ...others];
  return (
    <article className="feedback-entry" aria-label={entryTitle(entry)}>
      <Heading className="feedback-entry__title">{entryTitle(entry)}</Heading>
      <p className="muted feedback-entry__meta">
        {t('referrals.recordedAt', { at: formatMinute(entry.recordedAt) })}
        {entry.categories.length > 0 ? ` · ${t('referrals.entryCategories', { list: categoryLabels(entry.categories).join(', ') })}` : ''}
      </p>
      {fields.length === 0 ? null : (
        <dl className="dl feedback-entry__fields">
          {fields.map((f) => (
            <div className="dl-item" key={f}>
              <dt>{fieldLabel(f)}</dt>
              <dd>{renderValue(f, entry.fields[f], barrierTypeLabel)}</dd>
            </div>
          ))}
        </dl>
      )}
    </article>
  );
}

/** Feedback newest first. */
export function FeedbackList({
  entries,
  barrierTypeLabel,
  headingLevel,
  emptyText,
}: {
  entries: readonly FeedbackEntry[];
  barrierTypeLabel: (id: string) => string | undefined;
  headingLevel?: 3 | 4 | 5;
  emptyText: string;
}) {
  if (entries.length === 0) return <p className="muted">{emptyText}</p>;
  const sorted = [...entries].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  return (
    <ol className="plain-list feedback-list">
      {sorted.map((e) => (
        <li key={e.id}>
          <FeedbackEntryView entry={e} barrierTypeLabel={barrierTypeLabel} headingLevel={headingLevel} />
        </li>
      ))}
    </ol>
  );
}

export interface HistoryRow {
  fromStatus?: ReferralStatus | null;
  toStatus: ReferralStatus;
  at: string;
  actor?: { displayName: string } | null;
  side?: 'jobcenter' | 'provider';
  reason?: string | null;
}

/** Status history as a table: when, from → to, who (side), why. */
export function HistoryTable({ rows, caption }: { rows: readonly HistoryRow[]; caption: string }) {
  if (rows.length === 0) return <p className="muted">{t('referrals.noHistory')}</p>;
  const showWho = rows.some((r) => r.actor || r.side);
  const sorted = [...rows].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <div className="table-wrap">
      <table className="data-table data-table--inner">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('referrals.historyWhen')}</th>
            <th scope="col">{t('referrals.historyStep')}</th>
            {showWho ? <th scope="col">{t('referrals.historyWho')}</th> : null}
            <th scope="col">{t('referrals.historyReason')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: history rows have no id; order is stable
            <tr key={`${r.at}:${i}`}>
              <td className="nowrap">{formatMinute(r.at)}</td>
              <td>
                {r.fromStatus ? `${REFERRAL_STATUS_LABELS_DE[r.fromStatus]} → ` : ''}
                <strong>{REFERRAL_STATUS_LABELS_DE[r.toStatus]}</strong>
              </td>
              {showWho ? (
                <td>
                  {r.actor?.displayName ?? ''}
                  {r.side ? (
                    <span className="muted"> ({r.side === 'provider' ? t('referrals.sideProvider') : t('referrals.sideJobcenter')})</span>
                  ) : null}
                </td>
              ) : null}
              <td className="pre-line">{r.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
