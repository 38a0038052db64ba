import { describe, expect, it } from 'vitest';
import { createDraftStore, draftValuesKey } from './caseFileContext';
import { based, changedKeys, rebase } from './caseFormKit';

describe('editing a versioned record', () => {
  const goal = { title: 'Wohnung sichern', description: '', status: 'active', barrierIds: ['a', 'b'] };

  it('sends only what the user changed against the base', () => {
    const values = { ...based(goal, 3), description: 'Mit dem Vermieter', barrierIds: ['a', 'b'] };
    expect(changedKeys(values)).toEqual(['description']);
    expect(changedKeys(based(goal, 3))).toEqual([]);
  });

  it('after a conflict: untouched fields take the current version, typed ones stay, the version moves on', () => {
    const typed = { ...based(goal, 3), description: 'Mit dem Vermieter', status: 'reached' };
    const current = { ...goal, title: 'Wohnung dauerhaft sichern', status: 'dropped' };
    const rebased = rebase(typed, current, 4);
    expect(rebased.version).toBe(4);
    expect(rebased.base).toEqual(current);
    expect(rebased.title).toBe('Wohnung dauerhaft sichern');
    expect(rebased.description).toBe('Mit dem Vermieter');
    // Both changed the status: the user's input wins on the next save (it is shown to them first).
    expect(rebased.status).toBe('reached');
    expect(changedKeys(rebased).sort()).toEqual(['description', 'status']);
  });
});

describe('draft store', () => {
  it('keeps values by key until deleted', () => {
    const store = createDraftStore();
    expect(store.has(draftValuesKey('contact'))).toBe(false);
    store.set(draftValuesKey('contact'), { summary: 'Anruf' });
    expect(store.get(draftValuesKey('contact'))).toEqual({ summary: 'Anruf' });
    store.delete(draftValuesKey('contact'));
    expect(store.has(draftValuesKey('contact'))).toBe(false);
  });
});
