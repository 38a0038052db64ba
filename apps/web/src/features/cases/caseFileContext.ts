import type { CaseOverview } from '@lotse/contracts';
import { ASSESSMENT_EDITABLE, type CaseStatus, PLAN_EDITABLE, WORK_EDITABLE } from '@lotse/domain';
import { useOutletContext } from 'react-router';
import type { ApiResponse } from '../../api/client';

/** What the case file page shares with its tabs: one loaded overview, refreshed after every change. */
export interface CaseFileContext {
  overview: CaseOverview;
  /** ETag of the case (If-Match for case-level changes). */
  etag: string;
  /** Loads the overview again (after a change of a barrier, goal, contact …); null when that failed. */
  refresh: () => Promise<CaseOverview | null>;
  /** Takes an answer that carries the whole overview (transition, PATCH case, barrier order). */
  replace: (res: ApiResponse<CaseOverview>) => void;
  /** The viewer is the responsible case manager and may change the case file at all. */
  responsible: boolean;
  /** What the viewer may change now, by the case's status. */
  can: { assessment: boolean; plan: boolean; work: boolean };
}

export function useCaseFile(): CaseFileContext {
  return useOutletContext<CaseFileContext>();
}

export function permissionsFor(status: CaseStatus, responsible: boolean): CaseFileContext['can'] {
  return {
    assessment: responsible && ASSESSMENT_EDITABLE.includes(status),
    plan: responsible && PLAN_EDITABLE.includes(status),
    work: responsible && WORK_EDITABLE.includes(status),
  };
}

/** The tabs of the case file: real sub-routes, so each tab has its own address. */
export const CASE_TABS = [
  { key: 'overview', path: '', label: 'caseFile.tab.overview' },
  { key: 'assessment', path: 'assessment', label: 'caseFile.tab.assessment' },
  { key: 'plan', path: 'hilfeplan', label: 'caseFile.tab.plan' },
  { key: 'agreement', path: 'vereinbarung', label: 'caseFile.tab.agreement' },
  { key: 'progress', path: 'verlauf', label: 'caseFile.tab.progress' },
  { key: 'contacts', path: 'kontakte', label: 'caseFile.tab.contacts' },
  { key: 'history', path: 'historie', label: 'caseFile.tab.history' },
] as const;

export type CaseTabKey = (typeof CASE_TABS)[number]['key'];

/** The id of every tab's h2: focused when the user switches tabs. */
export const TAB_HEADING_ID = 'case-tab-heading';
