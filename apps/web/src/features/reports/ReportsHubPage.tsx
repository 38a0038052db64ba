import { CASELOAD_READERS, hasAnyRole, PROVIDER_REPORT_READERS, QUALITY_READERS, type Role, STATISTICS_OFFICERS } from '@lotse/domain';
import { Link } from 'react-router';
import { PageHeader, usePageTitle } from '../../components/Page';
import { type MessageKey, t } from '../../i18n';
import { useSession } from '../auth/session';

interface HubEntry {
  path: string;
  roles: readonly Role[];
  title: MessageKey;
  text: MessageKey;
}

/** The reports below /berichte with the roles that may open them; the hub shows each only to those. */
export const REPORT_ENTRIES: readonly HubEntry[] = [
  { path: '/berichte/qualitaet', roles: QUALITY_READERS, title: 'reports.hubQualityTitle', text: 'reports.hubQualityText' },
  { path: '/berichte/traeger', roles: PROVIDER_REPORT_READERS, title: 'reports.hubProviderTitle', text: 'reports.hubProviderText' },
  { path: '/berichte/statistik', roles: STATISTICS_OFFICERS, title: 'reports.hubStatisticsTitle', text: 'reports.hubStatisticsText' },
  { path: '/berichte/fallbelastung', roles: CASELOAD_READERS, title: 'caseloads.hubTitle', text: 'caseloads.hubText' },
];

/** Who may open /berichte at all: anyone who may open one of its reports. */
export const REPORT_HUB_ROLES: readonly Role[] = [...new Set(REPORT_ENTRIES.flatMap((e) => e.roles))];

/** "Berichte & Statistik": the reports the signed-in user may open. */
export function ReportsHubPage() {
  usePageTitle(t('reports.hubTitle'));
  const { roles } = useSession();
  const entries = REPORT_ENTRIES.filter((e) => hasAnyRole(roles, e.roles));
  return (
    <>
      <PageHeader title={t('reports.hubTitle')}>
        <p className="page-subtitle">{t('reports.hubIntro')}</p>
      </PageHeader>
      <ul className="card-grid plain-list">
        {entries.map((e) => (
          <li key={e.path} className="card">
            <h2 className="h3">
              <Link to={e.path}>{t(e.title)}</Link>
            </h2>
            <p>{t(e.text)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
