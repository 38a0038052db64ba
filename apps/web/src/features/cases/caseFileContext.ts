import type { CaseOverview } from '@lotse/contracts';
import { ASSESSMENT_EDITABLE, type CaseStatus, PLAN_EDITABLE, WORK_EDITABLE } from '@lotse/domain';
import { useCallback, useState } from 'react';
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
  /** Unsaved input of open forms, kept while the case file is open (switching tabs unmounts the tab). */
  drafts: DraftStore;
}

/**
 * Drafts of the case file's forms: which forms are open and what was typed into them, by key
 * (e.g. `contact`, `barrier-edit:<id>`). Held in memory by the case file page only – never in web
 * storage, because drafts may hold health data (GDPR Art. 9) and must not outlive the session.
 */
export interface DraftStore {
  has: (key: string) => boolean;
  get: (key: string) => unknown;
  set: (key: string, value: unknown) => void;
  delete: (key: string) => void;
}

export function createDraftStore(): DraftStore {
  const map = new Map<string, unknown>();
  return {
    has: (key) => map.has(key),
    get: (key) => map.get(key),
    set: (key, value) => {
      map.set(key, value);
    },
    delete: (key) => {
      map.delete(key);
    },
  };
}

/** The key under which a form keeps its typed values. */
export const draftValuesKey = (key: string) => `${key}:values`;

/**
 * UI state that survives a tab switch (e.g. "the contact form is open", "sub-goal X is being
 * reviewed"), kept in the draft store. Every change of it (closing the form, opening another record)
 * drops the typed values of the form that uses the same `key` (see `useCaseForm`'s `draft`).
 */
export function useDraftState<T>(store: DraftStore, key: string, initial: T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => (store.has(key) ? (store.get(key) as T) : initial));
  const update = useCallback(
    (next: T) => {
      const current = store.has(key) ? store.get(key) : initial;
      if (!Object.is(next, current)) store.delete(draftValuesKey(key));
      if (Object.is(next, initial)) store.delete(key);
      else store.set(key, next);
      setValue(next);
    },
    [store, key, initial],
  );
  return [value, update];
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
  { key: 'referrals', path: 'zuweisungen', label: 'caseFile.tab.referrals' },
  { key: 'conferences', path: 'konferenzen', label: 'caseFile.tab.conferences' },
  { key: 'sanctions', path: 'leistungsminderungen', label: 'caseFile.tab.sanctions' },
  { key: 'contacts', path: 'kontakte', label: 'caseFile.tab.contacts' },
  { key: 'history', path: 'historie', label: 'caseFile.tab.history' },
] as const;

export type CaseTabKey = (typeof CASE_TABS)[number]['key'];

/** The id of every tab's h2: focused when the user switches tabs. */
export const TAB_HEADING_ID = 'case-tab-heading';
