import type { CaseloadTargetSet } from '@lotse/contracts';
import {
  CASELOAD_ROLE_LABELS_DE,
  CASELOAD_ROLES,
  CASELOAD_TARGET_GROUPS,
  type CaseloadRole,
  type CaseloadTargetGroup,
} from '@lotse/domain';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type ApiError, etagOf, toApiError } from '../../api/client';
import { ConflictBanner } from '../../components/ConflictBanner';
import { ErrorSummary, focusFirstInvalid, type SummaryItem } from '../../components/ErrorSummary';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { type MessageKey, t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';
import { formatCount, sameTargetValues, type TargetValues, targetInputId, targetsFromValues, targetValuesOf } from './caseloadFigures';
import './caseloads.css';

interface Loaded {
  set: CaseloadTargetSet;
  etag: string;
}

const GROUP_COLUMN: Record<CaseloadTargetGroup, MessageKey> = {
  u25: 'caseloads.colU25',
  ue25: 'caseloads.colUe25',
  all: 'caseloads.colAll',
};

/** "U25: 60 (eigener Wert)" for each age group: what applies after the fallbacks. */
function Effective({ set, role }: { set: CaseloadTargetSet; role: CaseloadRole }) {
  return (
    <ul className="plain-list caseload-effective">
      {set.effective
        .filter((e) => e.role === role)
        .map((e) => (
          <li key={e.ageGroup}>
            {t('caseloads.effectiveValue', {
              group: t(GROUP_COLUMN[e.ageGroup]),
              value: e.targetCases === null ? t('caseloads.noTarget') : formatCount(e.targetCases),
            })}{' '}
            {e.targetCases === null ? null : <span className="muted">({t(`caseloads.source.${e.source}` as MessageKey)})</span>}
          </li>
        ))}
    </ul>
  );
}

/**
 * The caseload targets (Betreuungsschlüssel, SPEC C14) per role and age group, saved as one set with
 * If-Match. An empty field removes the target; the fallbacks are explained above the table and the
 * "Es gilt" column shows what applies.
 */
export function CaseloadTargetsPage() {
  usePageTitle(t('caseloads.targetsTitle'));
  const announce = useAnnounce();
  const [values, setValues] = useState<TargetValues | null>(null);
  const [invalid, setInvalid] = useState<string[]>([]);
  const [generalError, setGeneralError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const fetchTargets = useCallback(async (signal?: AbortSignal): Promise<Loaded> => {
    const res = await api.getCaseloadTargets(signal);
    setValues(targetValuesOf(res.data));
    return { set: res.data, etag: etagOf(res) };
  }, []);
  const { loaded, setLoaded, loadError, load } = useLoadedResource(fetchTargets);

  useEffect(() => {
    if (focusTick > 0) focusFirstInvalid(formRef.current);
  }, [focusTick]);

  const setValue = (role: CaseloadRole, group: CaseloadTargetGroup, value: string) =>
    setValues((v) => (v ? { ...v, [role]: { ...v[role], [group]: value } } : v));

  const labelOf = (role: CaseloadRole, group: CaseloadTargetGroup) =>
    t('caseloads.targetInputLabel', { role: CASELOAD_ROLE_LABELS_DE[role], group: t(GROUP_COLUMN[group]) });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!loaded || !values || busy) return;
    setGeneralError(null);
    const checked = targetsFromValues(values);
    if (!checked.ok) {
      setInvalid(checked.invalid);
      setFocusTick((n) => n + 1);
      return;
    }
    setInvalid([]);
    if (sameTargetValues(values, targetValuesOf(loaded.set))) {
      announce(t('common.noChanges'));
      return;
    }
    setBusy(true);
    try {
      const res = await api.putCaseloadTargets(loaded.etag, { targets: checked.targets });
      setLoaded({ set: res.data, etag: etagOf(res) });
      setValues(targetValuesOf(res.data));
      setConflict(false);
      announce(t('caseloads.targetsSaved'));
    } catch (err) {
      const error = toApiError(err);
      if (error.status === 412) setConflict(true);
      else setGeneralError(error);
    } finally {
      setBusy(false);
    }
  };

  /** Keep the typed values on top of the current version: the next save applies them to it. */
  const keepEditing = async () => {
    try {
      const res = await api.getCaseloadTargets();
      setLoaded({ set: res.data, etag: etagOf(res) });
      announce(t('conflict.rebased'));
    } catch (err) {
      setGeneralError(toApiError(err));
    }
    setConflict(false);
    document.getElementById(targetInputId('case_manager', 'u25'))?.focus();
  };

  const reloadCurrent = async () => {
    if (await load()) {
      setConflict(false);
      setInvalid([]);
      announce(t('conflict.reloaded'));
      document.getElementById(targetInputId('case_manager', 'u25'))?.focus();
    }
  };

  if (!loaded || !values) {
    return (
      <>
        <PageHeader title={t('caseloads.targetsTitle')} />
        {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : <Loading />}
      </>
    );
  }

  const summary: SummaryItem[] = invalid.map((id) => {
    const [, role, group] = /^target-(\w+)-(\w+)$/.exec(id) ?? [];
    return { fieldId: id, label: labelOf(role as CaseloadRole, group as CaseloadTargetGroup), message: t('caseloads.targetInvalid') };
  });

  return (
    <>
      <PageHeader
        title={t('caseloads.targetsTitle')}
        actions={
          <Link to="/berichte/fallbelastung" className="button button--secondary">
            {t('caseloads.toReport')}
          </Link>
        }
      >
        <p className="page-subtitle">{t('caseloads.targetsIntro')}</p>
      </PageHeader>
      {conflict ? (
        <ConflictBanner
          text={t('caseloads.targetsConflict')}
          onReload={() => void reloadCurrent()}
          onKeepEditing={() => void keepEditing()}
        />
      ) : null}
      <ProblemAlert error={generalError} />
      <ErrorSummary items={summary} />
      <form ref={formRef} onSubmit={save} noValidate className="form" aria-busy={busy || undefined}>
        <p className="banner banner--info" id="caseload-targets-fallback">
          {t('caseloads.targetsFallback', { target: loaded.set.caseRulesTarget })}{' '}
          <Link to="/verwaltung/fallregeln">{t('caseloads.caseRulesLink')}</Link>
        </p>
        <div className="table-wrap">
          <table className="data-table caseload-targets">
            <caption>{t('caseloads.targetsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseloads.colRole')}</th>
                {CASELOAD_TARGET_GROUPS.map((g) => (
                  <th key={g} scope="col">
                    {t(GROUP_COLUMN[g])}
                  </th>
                ))}
                <th scope="col">{t('caseloads.colEffective')}</th>
              </tr>
            </thead>
            <tbody>
              {CASELOAD_ROLES.map((role) => (
                <tr key={role}>
                  <th scope="row">{CASELOAD_ROLE_LABELS_DE[role]}</th>
                  {CASELOAD_TARGET_GROUPS.map((g) => {
                    const id = targetInputId(role, g);
                    const isInvalid = invalid.includes(id);
                    return (
                      <td key={g} className={isInvalid ? 'caseload-targets__cell--invalid' : undefined}>
                        <label className="visually-hidden" htmlFor={id}>
                          {labelOf(role, g)}
                        </label>
                        {isInvalid ? (
                          <p className="field-error" id={`${id}-error`}>
                            <span className="visually-hidden">{t('common.errorPrefix')} </span>
                            {t('caseloads.targetInvalid')}
                          </p>
                        ) : null}
                        <input
                          id={id}
                          name={id}
                          className="input caseload-targets__input"
                          inputMode="numeric"
                          autoComplete="off"
                          value={values[role][g]}
                          onChange={(e) => setValue(role, g, e.target.value)}
                          aria-invalid={isInvalid || undefined}
                          aria-describedby={isInvalid ? `${id}-error` : 'caseload-targets-fallback'}
                        />
                      </td>
                    );
                  })}
                  <td>
                    <Effective set={loaded.set} role={role} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="button-row form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setValues(targetValuesOf(null));
              setInvalid([]);
              announce(t('caseloads.targetsCleared'));
            }}
          >
            {t('caseloads.targetsClear')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setValues(targetValuesOf(loaded.set));
              setInvalid([]);
              announce(t('admin.discarded'));
            }}
          >
            {t('admin.discard')}
          </button>
        </div>
      </form>
    </>
  );
}
