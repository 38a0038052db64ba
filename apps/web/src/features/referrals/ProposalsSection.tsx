import { BARRIER_SEVERITIES, BARRIER_SEVERITY_LABELS_DE, type BarrierSeverity } from '@lotse/domain';
import type { ApiError } from '../../api/client';
import { etagFromVersion } from '../../api/client';
import { Badge } from '../../components/Badge';
import { SelectField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { CaseFormFrame, Checks, focusWhenReady, formatMinute, orNull, TextAreaField, useCaseForm } from '../cases/caseFormKit';
import * as api from './api';
import { topLevelProblems } from './ConsentsSection';
import { SECTION_IDS } from './sectionIds';
import type { ReferralsTabState } from './tabState';

/** "Vorgeschlagene Handlungsbedarfe": needs a provider reported; the case manager takes them over as barriers or rejects them. */
export function ProposalsSection({ tab, error }: { tab: ReferralsTabState; error: ApiError | null }) {
  const list = tab.proposals;
  const open = (list?.items ?? []).filter((p) => p.status === 'proposed');
  const decided = (list?.items ?? []).filter((p) => p.status !== 'proposed');
  return (
    <section className="case-section ref-section" aria-labelledby={SECTION_IDS.proposals}>
      <h3 id={SECTION_IDS.proposals} tabIndex={-1}>
        {t('referrals.proposalsTitle')}
      </h3>
      <p className="field-hint">{t('referrals.proposalsIntro')}</p>
      <ProblemAlert error={error} onRetry={() => void tab.reloadProposals()} />
      {!list && !error ? <p className="muted">{t('referrals.loading')}</p> : null}
      {list && list.hiddenSpecialCategory > 0 ? (
        <p className="banner banner--info">{t('referrals.proposalsHidden', { count: list.hiddenSpecialCategory })}</p>
      ) : null}
      {list && open.length === 0 ? (
        <p className="muted">{list.items.length === 0 ? t('referrals.noProposals') : t('referrals.noOpenProposals')}</p>
      ) : null}
      {open.length > 0 ? (
        <ol className="plain-list">
          {open.map((p) => (
            <li key={p.id}>
              <ProposalCard tab={tab} proposal={p} />
            </li>
          ))}
        </ol>
      ) : null}
      {decided.length > 0 ? (
        <>
          <h4>{t('referrals.proposalsDecided', { count: decided.length })}</h4>
          <ul className="plain-list ref-decided">
            {decided.map((p) => (
              <li key={p.id} className="ref-decided__item">
                <strong>{p.barrierType.label}</strong> <span className="muted">({p.provider.name})</span>{' '}
                <Badge tone={p.status === 'accepted' ? 'success' : 'neutral'}>
                  {p.status === 'accepted' ? t('referrals.proposalAccepted') : t('referrals.proposalRejected')}
                </Badge>{' '}
                <span className="muted">
                  {t('referrals.proposalDecidedBy', { name: p.decidedBy?.displayName ?? '', at: formatMinute(p.decidedAt) })}
                </span>
                {p.decisionNote ? <span className="pre-line"> – {p.decisionNote}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ProposalCard({ tab, proposal: p }: { tab: ReferralsTabState; proposal: api.BarrierProposal }) {
  const announce = useAnnounce();
  const { canEdit, context } = tab;
  const headingId = `proposal-${p.id}-title`;
  const referral = tab.referrals?.find((r) => r.id === p.referralId);
  const form = useCaseForm(
    { severity: 'medium' as BarrierSeverity, note: '' },
    { draft: { store: context.drafts, key: `proposal:${p.id}` } },
  );

  const decide = (decision: 'accept' | 'reject') =>
    void form.submit(
      () => {
        const c = new Checks();
        if (decision === 'reject' && form.values.note.trim() === '') c.add('note', t('referrals.rejectNoteRequired'));
        c.maxLength('note', form.values.note, 1000);
        return c.problems;
      },
      async () => {
        await api.decideBarrierProposal(p.id, etagFromVersion(p.version), {
          decision,
          severity: form.values.severity,
          note: orNull(form.values.note),
        });
        // Accepting adds a barrier to the case file.
        await Promise.all([tab.reloadProposals(), decision === 'accept' ? context.refresh() : Promise.resolve()]);
        announce(
          decision === 'accept'
            ? t('referrals.proposalAcceptedDone', { label: p.barrierType.label })
            : t('referrals.proposalRejectedDone', { label: p.barrierType.label }),
        );
        focusWhenReady(SECTION_IDS.proposals);
      },
      {
        onConflict: () => tab.reloadProposals(),
        mapError: (e) => {
          if (e.code === 'PROPOSAL_ALREADY_DECIDED') void tab.reloadProposals();
          return topLevelProblems(e);
        },
      },
    );

  return (
    <section className="card ref-proposal" aria-labelledby={headingId}>
      <div className="ref-card__head">
        <h4 id={headingId} className="ref-card__title">
          {p.barrierType.label}
        </h4>
        {p.specialCategory ? <Badge tone="info">{t('referrals.specialCategoryBadge')}</Badge> : null}
      </div>
      <dl className="dl">
        <div className="dl-item">
          <dt>{t('referrals.proposalFrom')}</dt>
          <dd>
            {p.provider.name}
            {referral ? <span className="muted"> ({referral.offer.name})</span> : null}
          </dd>
        </div>
        <div className="dl-item">
          <dt>{t('referrals.proposalReported')}</dt>
          <dd>{formatDate(p.createdAt)}</dd>
        </div>
        <div className="dl-item">
          <dt>{t('referrals.proposalNote')}</dt>
          <dd className="pre-line">{p.note ?? t('referrals.noNote')}</dd>
        </div>
      </dl>
      {canEdit ? (
        <CaseFormFrame
          form={form}
          fields={{
            severity: { id: `proposal-${p.id}-severity`, label: t('referrals.proposalSeverity') },
            note: { id: `proposal-${p.id}-note`, label: t('referrals.proposalDecisionNote') },
          }}
          onSubmit={() => decide('accept')}
          submitLabel={t('referrals.proposalAccept')}
          labelledBy={headingId}
          conflictText={t('referrals.conflictProposal')}
          onConflictReload={() => form.reset({ severity: 'medium', note: '' })}
          extraButtons={
            <button type="button" className="button button--secondary" onClick={() => decide('reject')} disabled={form.busy}>
              {t('referrals.proposalReject')}
            </button>
          }
        >
          <div className="field-row">
            <SelectField
              id={`proposal-${p.id}-severity`}
              label={t('referrals.proposalSeverity')}
              hint={t('referrals.proposalSeverityHint')}
              value={form.values.severity}
              onChange={(v) => form.set('severity')(v as BarrierSeverity)}
              error={form.err('severity')}
              options={BARRIER_SEVERITIES.map((s) => ({ value: s, label: BARRIER_SEVERITY_LABELS_DE[s] }))}
            />
            <TextAreaField
              id={`proposal-${p.id}-note`}
              label={t('referrals.proposalDecisionNote')}
              hint={t('referrals.proposalDecisionNoteHint')}
              rows={2}
              maxLength={1000}
              value={form.values.note}
              onChange={form.set('note')}
              error={form.err('note')}
            />
          </div>
        </CaseFormFrame>
      ) : null}
    </section>
  );
}
