import type { CooperationAgreement } from '@lotse/contracts';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { todayIso } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { based } from '../cases/caseFormKit';
import {
  AGREEMENT_TEXTS,
  AgreementFields,
  agreementFieldMap,
  agreementLabels,
  agreementUpdateBody,
  agreementValues,
} from './AgreementForm';
import * as api from './api';
import { bind, CoopFormFrame, Item, notLoaded, useCoopRights, useEditForm } from './kit';
import { AgreementStateBadge, DeadlineList, validityText } from './labels';

/** A cooperation agreement: the coordinator edits it here, team leads read it. */
export function AgreementPage() {
  const { id = '' } = useParams();
  const rights = useCoopRights();
  const fetchAgreement = useCallback(async (signal?: AbortSignal) => (await api.getAgreement(id, signal)).data, [id]);
  const { loaded, setLoaded, loadError, load } = useLoadedResource(fetchAgreement);
  usePageTitle(rights.admin ? t('cooperation.agreementEditTitle') : t('cooperation.agreementTitle'));

  if (!loaded) {
    return notLoaded({
      title: t('cooperation.agreementTitle'),
      error: loadError,
      onRetry: load,
      backTo: '/kooperation/vereinbarungen',
      backLabel: t('cooperation.toAgreements'),
    });
  }
  const header = (
    <PageHeader title={t('cooperation.agreementHeading', { title: loaded.title })}>
      <p className="page-subtitle">
        <AgreementStateBadge agreement={loaded} today={todayIso()} /> · {t('cooperation.agreementWith')}{' '}
        <Link to={`/kooperation/traeger/${loaded.provider.id}`}>{loaded.provider.name}</Link>
      </p>
    </PageHeader>
  );
  return (
    <>
      {header}
      {rights.admin ? <AgreementEditForm key={loaded.id} agreement={loaded} onCurrent={setLoaded} /> : <AgreementView agreement={loaded} />}
    </>
  );
}

function AgreementView({ agreement }: { agreement: CooperationAgreement }) {
  const labels = agreementLabels();
  return (
    <>
      <section className="card" aria-labelledby="agreement-frame-heading">
        <h2 id="agreement-frame-heading">{t('cooperation.agreementFrame')}</h2>
        <dl className="dl coop-detail">
          <Item label={t('cooperation.colValidity')}>{validityText(agreement)}</Item>
          <Item label={t('cooperation.colDeadlines')}>
            <DeadlineList d={agreement} />
          </Item>
        </dl>
      </section>
      <section className="card" aria-labelledby="agreement-texts-heading">
        <h2 id="agreement-texts-heading">{t('cooperation.textsLegend')}</h2>
        <dl className="dl coop-detail">
          {AGREEMENT_TEXTS.map((key) => (
            <Item key={key} label={labels[key]}>
              {agreement[key] ? <span className="pre-line">{agreement[key]}</span> : null}
            </Item>
          ))}
        </dl>
      </section>
    </>
  );
}

function AgreementEditForm({ agreement, onCurrent }: { agreement: CooperationAgreement; onCurrent: (a: CooperationAgreement) => void }) {
  const announce = useAnnounce();
  const { form, frame } = useEditForm({
    record: agreement,
    toValues: agreementValues,
    labels: agreementLabels(),
    fetchCurrent: async () => (await api.getAgreement(agreement.id)).data,
    onCurrent,
    updateBody: agreementUpdateBody,
    // The coordinator stays on the page: the form starts over from the saved version.
    save: async (body, ifMatch, form) => {
      const res = await api.updateAgreement(agreement.id, ifMatch, body);
      form.reset(based(agreementValues(res.data), res.data.version));
      onCurrent(res.data);
      announce(t('common.saved'));
    },
    conflictText: t('cooperation.conflictAgreement'),
  });

  return (
    <CoopFormFrame
      {...frame}
      fields={agreementFieldMap('edit')}
      onCancel={() => {
        form.reset(based(form.values.base, form.values.version));
        announce(t('cooperation.discarded'));
      }}
      cancelLabel={t('cooperation.discard')}
    >
      <AgreementFields form={bind(form)} mode="edit" providerName={agreement.provider.name} />
    </CoopFormFrame>
  );
}
