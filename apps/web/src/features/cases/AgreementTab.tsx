import type { AgreementVersion, CaseOverview } from '@lotse/contracts';
import { AGREEMENT_KIND_LABELS_DE, DUTY_KIND_LABELS_DE } from '@lotse/domain';
import { useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../../api/client';
import type { AgreementRuleInfo } from '../../api/endpoints';
import * as api from '../../api/endpoints';
import { Badge } from '../../components/Badge';
import { Loading, ProblemAlert } from '../../components/Page';
import { t } from '../../i18n';
import { formatDate, todayIso } from '../../lib/format';
import { AgreementForm } from './AgreementForm';
import { TAB_HEADING_ID, useCaseFile, useDraftState } from './caseFileContext';
import { keyed } from './caseFileData';
import { focusWhenReady, formatMinute } from './caseFormKit';

const CURRENT_HEADING = 'agreement-current-heading';

/** Vereinbarung: the current version, all versions with what changed, and a new version (Fortschreibung). */
export function AgreementTab() {
  const context = useCaseFile();
  const { overview, can } = context;
  const current = overview.agreement;
  const [creating, setCreating] = useDraftState(context.drafts, 'agreement', false);
  const [versions, setVersions] = useState<AgreementVersion[] | null>(null);
  const [versionsError, setVersionsError] = useState<ApiError | null>(null);
  const [rules, setRules] = useState<AgreementRuleInfo[] | null>(null);
  const [rulesFailed, setRulesFailed] = useState(false);

  const loadVersions = useCallback(
    async (signal?: AbortSignal) => {
      setVersionsError(null);
      try {
        const list = await api.listAgreements(overview.id, signal);
        setVersions(list.items);
      } catch (e) {
        if (!signal?.aborted) setVersionsError(toApiError(e));
      }
    },
    [overview.id],
  );

  useEffect(() => {
    const controller = new AbortController();
    void loadVersions(controller.signal);
    return () => controller.abort();
  }, [loadVersions]);

  useEffect(() => {
    if (!creating || rules) return;
    const controller = new AbortController();
    api
      .listAgreementRules(controller.signal)
      .then((list) => setRules(list.items))
      .catch(() => {
        if (!controller.signal.aborted) setRulesFailed(true);
      });
    return () => controller.abort();
  }, [creating, rules]);

  return (
    <>
      <div className="section-header">
        <h2 id={TAB_HEADING_ID} tabIndex={-1}>
          {t('caseFile.tab.agreement')}
        </h2>
        {can.plan && !creating ? (
          <button
            type="button"
            id="agreement-create-toggle"
            className="button button--primary"
            onClick={() => {
              setCreating(true);
              focusWhenReady('agreement-reached-yes');
            }}
          >
            {current ? t('caseFile.agreementNewVersion') : t('caseFile.agreementCreate')}
          </button>
        ) : null}
      </div>
      {!can.plan && overview.responsible ? <p className="muted">{t('caseFile.agreementReadOnly')}</p> : null}

      {creating && can.plan ? (
        <AgreementForm
          context={context}
          current={current}
          rules={rules}
          rulesFailed={rulesFailed}
          onClose={(saved) => {
            setCreating(false);
            if (saved) {
              void loadVersions();
              focusWhenReady(CURRENT_HEADING);
            } else focusWhenReady('agreement-create-toggle');
          }}
        />
      ) : null}

      {current ? (
        <section className="card agreement" aria-labelledby={CURRENT_HEADING}>
          <h3 id={CURRENT_HEADING} tabIndex={-1}>
            {t('caseFile.agreementCurrent', { kind: AGREEMENT_KIND_LABELS_DE[current.kind], n: current.versionNo })}
          </h3>
          <AgreementView version={current} overview={overview} />
        </section>
      ) : (
        <p className="empty-state">{t('caseFile.noAgreement')}</p>
      )}

      <section className="case-section" aria-labelledby="agreement-versions-heading">
        <h3 id="agreement-versions-heading">{t('caseFile.agreementVersions', { count: overview.agreementVersions })}</h3>
        {versionsError ? <ProblemAlert error={versionsError} onRetry={() => void loadVersions()} /> : null}
        {!versions && !versionsError ? <Loading text={t('caseFile.versionsLoading')} /> : null}
        {versions && versions.length === 0 ? <p className="muted">{t('caseFile.noVersions')}</p> : null}
        {versions && versions.length > 0 ? (
          <ol className="plain-list version-list">
            {versions.map((v) => (
              <li key={v.id} className="card version">
                <h4>
                  {t('caseFile.versionTitle', { n: v.versionNo, kind: AGREEMENT_KIND_LABELS_DE[v.kind], date: formatDate(v.agreedOn) })}
                </h4>
                <p className="muted">
                  {t('caseFile.versionCreated', { name: v.createdBy.displayName, at: formatMinute(v.createdAt) })} ·{' '}
                  {v.reached ? t('caseFile.reachedYesShort') : t('caseFile.reachedNoShort')}
                </p>
                <PdfLink caseId={overview.id} version={v} />
                <h5 className="version__changes-title">{t('caseFile.whatChanged')}</h5>
                {v.changes.length === 0 ? (
                  <p className="muted">{v.versionNo === 1 ? t('caseFile.firstVersion') : t('caseFile.noChanges')}</p>
                ) : (
                  <ul className="change-list">
                    {keyed(v.changes, (c) => `${c.field}:${c.description}`).map(({ item: c, key }) => (
                      <li key={key}>{c.description}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        ) : null}
      </section>
    </>
  );
}

function PdfLink({ caseId, version }: { caseId: string; version: AgreementVersion }) {
  return (
    <p>
      <a href={api.agreementPdfUrl(caseId, version.id)} download>
        {t('caseFile.pdfDownload', { n: version.versionNo })}
      </a>
    </p>
  );
}

function AgreementView({ version, overview }: { version: AgreementVersion; overview: CaseOverview }) {
  const goalTitle = (goalId: string | null) => (goalId ? (overview.goals.find((g) => g.id === goalId)?.title ?? null) : null);
  const today = todayIso();
  return (
    <>
      <dl className="dl">
        <div className="dl-item">
          <dt>{t('caseFile.agreementKind')}</dt>
          <dd>
            {AGREEMENT_KIND_LABELS_DE[version.kind]}
            {version.reached ? null : (
              <>
                {' '}
                <Badge tone="neutral">{t('caseFile.reachedNoShort')}</Badge>
              </>
            )}
          </dd>
        </div>
        <div className="dl-item">
          <dt>{t('caseFile.rule')}</dt>
          <dd>
            {version.rule.title} <span className="muted">({version.rule.legalBasis})</span>
            <br />
            {version.rule.legallyBinding ? t('caseFile.bindingYes') : t('caseFile.bindingNo')}
          </dd>
        </div>
        <div className="dl-item">
          <dt>{t('caseFile.agreedOn')}</dt>
          <dd>{formatDate(version.agreedOn)}</dd>
        </div>
        <div className="dl-item">
          <dt>{t('caseFile.validUntil')}</dt>
          <dd>{formatDate(version.validUntil)}</dd>
        </div>
        <div className="dl-item">
          <dt>{t('caseFile.reviewOn')}</dt>
          <dd>
            {formatDate(version.reviewOn)} {version.reviewOn <= today ? <Badge tone="danger">{t('caseFile.reviewDue')}</Badge> : null}
          </dd>
        </div>
      </dl>
      <h4>{t('caseFile.duties')}</h4>
      {version.duties.length === 0 ? (
        <p className="muted">{t('caseFile.noDuties')}</p>
      ) : (
        <ul className="agreement__items">
          {keyed(version.duties, (d) => `${d.kind}:${d.text}`).map(({ item: d, key }) => (
            <li key={key}>
              <strong>{DUTY_KIND_LABELS_DE[d.kind]}:</strong> {d.text}
              {goalTitle(d.goalId) ? <span className="muted"> ({t('caseFile.forGoal', { title: goalTitle(d.goalId) ?? '' })})</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('caseFile.commitments')}</h4>
      {version.commitments.length === 0 ? (
        <p className="muted">{t('caseFile.noCommitments')}</p>
      ) : (
        <ul className="agreement__items">
          {keyed(version.commitments, (c) => c.text).map(({ item: c, key }) => (
            <li key={key}>
              {c.text}
              {goalTitle(c.goalId) ? <span className="muted"> ({t('caseFile.forGoal', { title: goalTitle(c.goalId) ?? '' })})</span> : null}
            </li>
          ))}
        </ul>
      )}
      {version.personalOffer ? (
        <>
          <h4>{t('caseFile.personalOffer')}</h4>
          <p className="pre-line">{version.personalOffer}</p>
        </>
      ) : null}
      {version.notes ? (
        <>
          <h4>{t('caseFile.agreementNotes')}</h4>
          <p className="pre-line">{version.notes}</p>
        </>
      ) : null}
      <p className="muted">{t('caseFile.versionCreated', { name: version.createdBy.displayName, at: formatMinute(version.createdAt) })}</p>
      <PdfLink caseId={overview.id} version={version} />
    </>
  );
}
