/**
 * Repeatable editors (offer locations and contacts, handbook checklists and their items): adding,
 * removing and moving rows by buttons, each step announced, with the focus on the element that comes
 * next; and the group around the rows.
 */
import type { ReactNode } from 'react';
import { FieldError } from '../../components/FormField';
import { focusSoon } from './kit';

export interface RowActionsOptions<R extends { key: string }> {
  rows: R[];
  setRows: (rows: R[]) => void;
  announce: (message: string) => void;
  /** Id of a row's first control: the focus goes there after adding, or to the neighbour after removing. */
  firstId: (row: R) => string;
  /** Id of the add button: the focus goes there when the last row is removed. */
  addId: string;
  added: (n: number) => string;
  removed: (n: number) => string;
  /** Rows that can be moved: the announcement, and the ids of a row's move buttons. */
  moving?: { moved: (row: R, index: number, to: number) => string; buttonId: (row: R, direction: 'up' | 'down') => string };
}

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** What the buttons of a repeatable editor do. */
export function rowActions<R extends { key: string }>(options: RowActionsOptions<R>) {
  const { rows, setRows, announce } = options;
  return {
    update: (key: string, patch: Partial<R>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r))),
    add: (row: R) => {
      setRows([...rows, row]);
      announce(options.added(rows.length + 1));
      focusSoon(options.firstId(row));
    },
    remove: (index: number) => {
      const next = rows.filter((_, i) => i !== index);
      setRows(next);
      announce(options.removed(index + 1));
      const neighbour = next[index] ?? next[index - 1];
      focusSoon(neighbour ? options.firstId(neighbour) : options.addId);
    },
    move: (index: number, by: -1 | 1) => {
      const row = rows[index];
      const { moving } = options;
      if (!row || !moving) return;
      const to = index + by;
      setRows(move(rows, index, to));
      announce(moving.moved(row, index, to));
      // At the top (or bottom) the button just used is disabled: the focus goes to the other one.
      const up = to > 0 && (by === -1 || to === rows.length - 1);
      focusSoon(moving.buttonId(row, up ? 'up' : 'down'));
    },
  };
}

/** "Nach oben" and "Nach unten" of one row; `context` names the row for screen readers. */
export function MoveButtons(props: {
  ids: { up: string; down: string };
  labels: { up: string; down: string };
  context: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
}) {
  return (
    <>
      <button
        type="button"
        id={props.ids.up}
        className="button button--secondary button--small"
        disabled={props.index === 0}
        onClick={() => props.onMove(-1)}
      >
        {props.labels.up}
        <span className="visually-hidden">: {props.context}</span>
      </button>
      <button
        type="button"
        id={props.ids.down}
        className="button button--secondary button--small"
        disabled={props.index === props.count - 1}
        onClick={() => props.onMove(1)}
      >
        {props.labels.down}
        <span className="visually-hidden">: {props.context}</span>
      </button>
    </>
  );
}

/**
 * The group of a repeatable editor: legend, hint, the list's error, a note when there are no rows,
 * each row a group of its own (legend, its fields, optionally a remove button), then the add button.
 */
export function RowsFieldset<R extends { key: string }>(props: {
  /** Id of the list: its error is `${id}-error`. */
  id: string;
  legend: string;
  hint: string;
  error?: string;
  /** Shown when there are no rows. */
  empty?: string;
  rows: R[];
  rowLegend: (row: R, index: number) => string;
  children: (row: R, index: number) => ReactNode;
  /** A remove button under each row's fields. */
  remove?: { label: (index: number) => string; onClick: (index: number) => void };
  add: { id: string; label: string; onClick: () => void; disabled: boolean };
}) {
  const { rows, remove, add } = props;
  return (
    <fieldset className="fieldset coop-group" aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <legend className="coop-group__legend">{props.legend}</legend>
      <p className="field-hint">{props.hint}</p>
      <FieldError id={props.id} error={props.error} />
      {rows.length === 0 && props.empty ? <p className="muted">{props.empty}</p> : null}
      <ol className="coop-rows">
        {rows.map((row, i) => (
          <li key={row.key} className="coop-row">
            <fieldset className="fieldset">
              <legend className="coop-row__legend">{props.rowLegend(row, i)}</legend>
              {props.children(row, i)}
              {remove ? (
                <button type="button" className="button button--danger-link" onClick={() => remove.onClick(i)}>
                  {remove.label(i)}
                </button>
              ) : null}
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" id={add.id} className="button button--secondary button--small" onClick={add.onClick} disabled={add.disabled}>
        {add.label}
      </button>
    </fieldset>
  );
}
