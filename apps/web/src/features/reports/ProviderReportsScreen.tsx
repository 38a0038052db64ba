import { type ReactNode, useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../components/FormField';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';
import { ReportView } from './ReportView';
import { yearOptions } from './years';

/**
 * Choose an offer and a year, then read the provider report: the Jobcenter's page (every offer) and the
 * provider's portal page (its own offers) differ only in title and side. The choice lives in the
 * address (?angebot=…&jahr=…), so a report can be bookmarked and the back button works.
 */
export function ProviderReportsScreen({
  side,
  title,
  intro,
  actions,
}: {
  side: api.ReportSide;
  title: string;
  intro: string;
  actions?: ReactNode;
}) {
  usePageTitle(title);
  const [params, setParams] = useSearchParams();
  const fetchOffers = useCallback((signal?: AbortSignal) => api.listReportOffers(side, signal), [side]);
  const offers = useLoadedResource(fetchOffers);
  const items = offers.loaded?.items ?? [];
  const offerId = params.get('angebot') ?? '';
  const offer = items.find((i) => i.offer.id === offerId) ?? null;
  const years = offer && offer.years.length > 0 ? offer.years : yearOptions();
  const yearParam = Number(params.get('jahr'));
  // A yearly report is about a finished year: the newest finished one with data comes first.
  const thisYear = new Date().getFullYear();
  const year = years.includes(yearParam) ? yearParam : (years.find((y) => y < thisYear) ?? (years[0] as number));

  const choose = (next: { angebot?: string; jahr?: string }) => {
    const search = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) search.set(key, value);
      else search.delete(key);
    }
    setParams(search, { replace: true });
  };

  return (
    <>
      <PageHeader title={title} actions={actions}>
        <p className="page-subtitle">{intro}</p>
      </PageHeader>
      {offers.loadError ? <ProblemAlert error={offers.loadError} onRetry={() => void offers.load()} /> : null}
      {!offers.loaded && !offers.loadError ? <Loading /> : null}
      {offers.loaded && items.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('reports.noOffers')}</p>
        </div>
      ) : null}
      {items.length > 0 ? (
        <form className="card filter-form" aria-labelledby="report-choose-heading" onSubmit={(e) => e.preventDefault()}>
          <h2 id="report-choose-heading" className="h3">
            {t('reports.chooseHeading')}
          </h2>
          <div className="filter-form__row">
            <SelectField
              id="report-offer"
              label={t('reports.offer')}
              width="long"
              value={offer ? offer.offer.id : ''}
              // A new offer starts at its newest year with data.
              onChange={(v) => choose({ angebot: v, jahr: '' })}
              options={[
                { value: '', label: t('reports.chooseOffer') },
                ...items.map((i) => ({
                  value: i.offer.id,
                  label: side === 'portal' ? i.offer.name : `${i.provider.name} – ${i.offer.name}`,
                })),
              ]}
            />
            <SelectField
              id="report-year"
              label={t('reports.year')}
              width="short"
              value={String(year)}
              onChange={(v) => choose({ jahr: v })}
              hint={
                offer
                  ? offer.years.length > 0
                    ? t('reports.yearsHint', { years: offer.years.join(', ') })
                    : t('reports.noYears')
                  : undefined
              }
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
            />
          </div>
          {offer ? null : <p className="muted">{t('reports.chooseHint')}</p>}
        </form>
      ) : null}
      {offer ? <ChosenReport side={side} offerId={offer.offer.id} year={year} /> : null}
    </>
  );
}

function ChosenReport({ side, offerId, year }: { side: api.ReportSide; offerId: string; year: number }) {
  const fetchReport = useCallback((signal?: AbortSignal) => api.getProviderReport(side, offerId, year, signal), [side, offerId, year]);
  const { loaded, loadError, load } = useLoadedResource(fetchReport);
  const announce = useAnnounce();
  useEffect(() => {
    if (loaded) announce(t('reports.reportLoaded', { year: loaded.year, offer: loaded.offer.name }));
  }, [loaded, announce]);
  if (loadError) return <ProblemAlert error={loadError} onRetry={() => void load()} />;
  if (!loaded) return <Loading />;
  return <ReportView report={loaded} side={side} />;
}
