import type { CaseOverview, FollowUp } from '@lotse/contracts';
import { Badge } from '../../components/Badge';
import { type MessageKey, t } from '../../i18n';

/**
 * The person's contacts (§ 14 SGB II) under the organisation model (SPEC C14), in the case header:
 * for integration the case manager, for benefits questions the case manager or the benefits officer,
 * and the placement officer where placement is specialised.
 */
export function CareContactsFact({ overview }: { overview: CaseOverview }) {
  const c = overview.careContacts;
  return (
    <div className="case-facts__item">
      <dt>{t('orgModel.contacts')}</dt>
      <dd>
        <ul className="plain-list">
          <li>{t('orgModel.contactIntegration', { name: c.integration.displayName })}</li>
          <li>{c.benefits ? t('orgModel.contactBenefits', { name: c.benefits.displayName }) : t('orgModel.contactBenefitsNone')}</li>
          {c.placement && c.placement.id !== c.integration.id ? (
            <li>{t('orgModel.contactPlacement', { name: c.placement.displayName })}</li>
          ) : null}
        </ul>
        <span className="muted">{t('orgModel.contactType', { code: c.iawType })}</span>
      </dd>
    </div>
  );
}

/** A badge for follow-ups the organisation model routes (placement tasks, notices, consultations). */
export function FollowUpKindBadge({ kind }: { kind: FollowUp['kind'] }) {
  if (kind === 'general') return null;
  return (
    <>
      {' '}
      <Badge tone="neutral">{t(`orgModel.kindBadge.${kind}` as MessageKey)}</Badge>
    </>
  );
}
