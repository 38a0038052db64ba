import { Link, type RouteObject, useParams } from 'react-router';
import { t } from '../../i18n';
import { ConferencesTab } from '../conferences/ConferencesTab';
import { ReferralsTab } from '../referrals/ReferralsTab';
import { SanctionsTab } from '../sanctions/SanctionsTab';
import { AgreementTab } from './AgreementTab';
import { AssessmentTab } from './AssessmentTab';
import { ContactsTab } from './ContactsTab';
import { TAB_HEADING_ID } from './caseFileContext';
import { HistoryTab } from './HistoryTab';
import { OverviewTab } from './OverviewTab';
import { PlanTab } from './PlanTab';
import { ProgressTab } from './ProgressTab';

function TabNotFound() {
  const { id = '' } = useParams();
  return (
    <>
      <h2 id={TAB_HEADING_ID} tabIndex={-1}>
        {t('error.notFoundTitle')}
      </h2>
      <p>
        <Link to={`/faelle/${id}`}>{t('caseFile.toOverview')}</Link>
      </p>
    </>
  );
}

/** The tabs of the case file below /faelle/:id (paths as in CASE_TABS). */
export const caseFileTabRoutes: RouteObject[] = [
  { index: true, element: <OverviewTab /> },
  { path: 'assessment', element: <AssessmentTab /> },
  { path: 'hilfeplan', element: <PlanTab /> },
  { path: 'vereinbarung', element: <AgreementTab /> },
  { path: 'verlauf', element: <ProgressTab /> },
  { path: 'zuweisungen', element: <ReferralsTab /> },
  { path: 'konferenzen', element: <ConferencesTab /> },
  { path: 'leistungsminderungen', element: <SanctionsTab /> },
  { path: 'kontakte', element: <ContactsTab /> },
  { path: 'historie', element: <HistoryTab /> },
  { path: '*', element: <TabNotFound /> },
];
