import highsLoader from 'highs';

/**
 * Linear programming for the suppression audit ({@link auditSuppression}), by HiGHS (the University of
 * Edinburgh's solver, compiled to WebAssembly): sparse, warm-started after an objective change, and able
 * to handle components of some ten thousand cells in well under a second. Loading is asynchronous, the
 * solves are synchronous. Not exported from the package index (the web app imports that): the tests and
 * the benchmark import `@lotse/domain/linear-solver`.
 */

/** Rows over columns ≥ 0 with lower/upper bounds per column; the rows are `lower ≤ Σ coefficient · x ≤ upper`. */
export interface LinearModel {
  columns: number;
  columnUpper: Float64Array;
  /** CSR: row i holds entries rowStart[i] … rowStart[i + 1] − 1. */
  rowStart: Int32Array;
  index: Int32Array;
  coefficient: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
}

export interface LinearSession {
  /** Minimises Σ cost · x: the values of an optimal solution; throws when none was proved (the audit's models always have one). */
  minimise(cost: Float64Array): Float64Array;
  dispose(): void;
}

export interface LinearSolver {
  open(model: LinearModel): LinearSession;
}

let loading: Promise<LinearSolver> | null = null;

/** The solver, loaded once per thread. */
export function loadLinearSolver(): Promise<LinearSolver> {
  loading ??= highsLoader().then((highs): LinearSolver => {
    const optimal = highs.constants.modelStatus.optimal;
    return {
      open(model) {
        const instance = highs.createModel({
          numCols: model.columns,
          numRows: model.rowLower.length,
          colCost: new Float64Array(model.columns),
          colLower: new Float64Array(model.columns),
          colUpper: model.columnUpper,
          rowLower: model.rowLower,
          rowUpper: model.rowUpper,
          matrix: {
            format: 'csr',
            numRows: model.rowLower.length,
            numCols: model.columns,
            starts: model.rowStart,
            indices: model.index,
            values: model.coefficient,
          },
        });
        instance.options.set({ output_flag: false });
        const all = { kind: 'range', from: 0, to: model.columns - 1 } as const;
        return {
          minimise(cost) {
            instance.changeColsCost(all, cost);
            instance.run();
            const status = instance.getModelStatus();
            if (status !== optimal) throw new Error(`HiGHS: kein Optimum (Status ${status})`);
            return instance.getSolution().colValue;
          },
          dispose() {
            instance.dispose();
          },
        };
      },
    };
  });
  return loading;
}
