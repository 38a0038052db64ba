/**
 * API calls of the reports (docs/api-reports.md): quality indicators and the provider report per offer
 * and year, for the Jobcenter under /api/reports and for provider staff under /api/portal/reports.
 */
import type { ProviderReport, QualityReport, ReportOfferList } from '@lotse/contracts';
import type { QualityGrouping } from '@lotse/domain';
import { apiRequest } from '../../api/client';

export type { ProviderReport, QualityReport, ReportOfferList };
export type ReportOffer = ReportOfferList['items'][number];

/** Whose view: the Jobcenter's (every offer) or the provider's portal (its own offers). */
export type ReportSide = 'jobcenter' | 'portal';

const enc = encodeURIComponent;
const base = (side: ReportSide) => (side === 'portal' ? '/portal/reports' : '/reports/offers');

export async function getQuality(year: number, by: QualityGrouping, signal?: AbortSignal): Promise<QualityReport> {
  return (await apiRequest<QualityReport>('/quality', { query: { year, by }, signal })).data;
}

export async function listReportOffers(side: ReportSide, signal?: AbortSignal): Promise<ReportOfferList> {
  return (await apiRequest<ReportOfferList>(base(side), { signal })).data;
}

export async function getProviderReport(side: ReportSide, offerId: string, year: number, signal?: AbortSignal): Promise<ProviderReport> {
  return (await apiRequest<ProviderReport>(`${base(side)}/${enc(offerId)}/${year}`, { signal })).data;
}

/** Address of the report's PDF or XLSX file, for a plain download link. */
export function reportFileUrl(side: ReportSide, offerId: string, year: number, format: 'pdf' | 'xlsx'): string {
  return `/api${base(side)}/${enc(offerId)}/${year}/${format}`;
}
