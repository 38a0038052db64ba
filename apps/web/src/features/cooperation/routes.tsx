import { COOPERATION_ADMINS, FEEDBACK_WATCHERS, HANDBOOK_READERS, OFFER_READERS } from '@lotse/domain';
import { Navigate, Outlet, type RouteObject } from 'react-router';
import { RequireRole } from '../auth/guards';
import { AgreementCreatePage } from './AgreementCreatePage';
import { AgreementListPage } from './AgreementListPage';
import { AgreementPage } from './AgreementPage';
import { CooperationLayout } from './CooperationLayout';
import { HandbookEditPage } from './HandbookEditPage';
import { HandbookListPage } from './HandbookListPage';
import { HandbookPage } from './HandbookPage';
import { OfferCataloguePage } from './OfferCataloguePage';
import { OfferCreatePage } from './OfferCreatePage';
import { OfferDetailPage } from './OfferDetailPage';
import { OfferEditPage } from './OfferEditPage';
import { OverduePage } from './OverduePage';
import { ProviderCreatePage } from './ProviderCreatePage';
import { ProviderDetailPage } from './ProviderDetailPage';
import { ProviderEditPage } from './ProviderEditPage';
import { ProviderListPage } from './ProviderListPage';

const COOPERATION_AREA = [...COOPERATION_ADMINS, ...FEEDBACK_WATCHERS];

const admin = (element: React.ReactNode) => <RequireRole roles={COOPERATION_ADMINS}>{element}</RequireRole>;

/** Offer catalogue, providers, cooperation agreements, overdue feedback and the handbook (SPEC C6). */
export const cooperationRoutes: RouteObject[] = [
  {
    path: 'angebote',
    element: (
      <RequireRole roles={OFFER_READERS}>
        <Outlet />
      </RequireRole>
    ),
    children: [
      { index: true, element: <OfferCataloguePage /> },
      { path: 'neu', element: admin(<OfferCreatePage />) },
      { path: ':id', element: <OfferDetailPage /> },
      { path: ':id/bearbeiten', element: admin(<OfferEditPage />) },
    ],
  },
  {
    path: 'kooperation',
    element: (
      <RequireRole roles={COOPERATION_AREA}>
        <CooperationLayout />
      </RequireRole>
    ),
    children: [
      // The coordinator's daily view.
      { index: true, element: <Navigate to="/kooperation/ueberfaellig" replace /> },
      { path: 'ueberfaellig', element: <OverduePage /> },
      { path: 'traeger', element: <ProviderListPage /> },
      { path: 'traeger/neu', element: admin(<ProviderCreatePage />) },
      { path: 'traeger/:id', element: <ProviderDetailPage /> },
      { path: 'traeger/:id/bearbeiten', element: admin(<ProviderEditPage />) },
      { path: 'vereinbarungen', element: <AgreementListPage /> },
      { path: 'vereinbarungen/neu', element: admin(<AgreementCreatePage />) },
      { path: 'vereinbarungen/:id', element: <AgreementPage /> },
    ],
  },
  {
    path: 'handbuch',
    element: (
      <RequireRole roles={HANDBOOK_READERS}>
        <Outlet />
      </RequireRole>
    ),
    children: [
      { index: true, element: <HandbookListPage /> },
      { path: ':serviceType', element: <HandbookPage /> },
      { path: ':serviceType/bearbeiten', element: admin(<HandbookEditPage />) },
    ],
  },
];
