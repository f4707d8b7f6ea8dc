// Counts raw responses into the cells the roll-ups hold, for the days of a period outside
// whole months: per unit (all services) and per service (all units). The cells of each
// response come from the same cell visitor as at insert (app/survey/rollup-cells.ts), so raw
// and rolled-up counts agree. Pure.

export interface TalliedCell {
  unit_id: number;
  service_id: number;
  question_id: string;
  code: number;
  count: number;
}

export interface TalliedResponses {
  unit_id: number;
  service_id: number;
  count: number;
}

// Numeric map keys (owner · 2^16 + question) · 2^6 + code: no string building per answer.
const QUESTIONS = 2 ** 16;
const CODES = 2 ** 6;

export class RawTally {
  private readonly index: Map<string, number>;
  private readonly unitCells = new Map<number, number>();
  private readonly serviceCells = new Map<number, number>();
  private readonly unitResponses = new Map<number, number>();
  private readonly serviceResponses = new Map<number, number>();

  /** Only cells of `questions` are kept (items and participation groups asked for). */
  constructor(private readonly questions: readonly string[]) {
    this.index = new Map(questions.map((q, i) => [q, i]));
  }

  private unitId = 0;
  private serviceId: number | null = null;

  /** Starts a response; its cells follow through `cell`. */
  response(unitId: number, serviceId: number | null): void {
    this.unitId = unitId;
    this.serviceId = serviceId;
    bump(this.unitResponses, unitId);
    if (serviceId !== null) bump(this.serviceResponses, serviceId);
  }

  readonly cell = (questionId: string, code: number): void => {
    const q = this.index.get(questionId);
    if (q === undefined || code < 0 || code >= CODES) return;
    bump(this.unitCells, (this.unitId * QUESTIONS + q) * CODES + code);
    if (this.serviceId !== null) bump(this.serviceCells, (this.serviceId * QUESTIONS + q) * CODES + code);
  };

  result(): { cells: TalliedCell[]; serviceCells: TalliedCell[]; responses: TalliedResponses[]; serviceResponses: TalliedResponses[] } {
    const cellsOf = (counts: Map<number, number>, byUnit: boolean) =>
      [...counts].map(([key, count]) => {
        const owner = Math.floor(key / (QUESTIONS * CODES));
        const rest = key - owner * QUESTIONS * CODES;
        const question_id = this.questions[Math.floor(rest / CODES)];
        const code = rest % CODES;
        return { unit_id: byUnit ? owner : 0, service_id: byUnit ? 0 : owner, question_id, code, count };
      });
    return {
      cells: cellsOf(this.unitCells, true),
      serviceCells: cellsOf(this.serviceCells, false),
      responses: [...this.unitResponses].map(([unit_id, count]) => ({ unit_id, service_id: 0, count })),
      serviceResponses: [...this.serviceResponses].map(([service_id, count]) => ({ unit_id: 0, service_id, count })),
    };
  }
}

function bump(counts: Map<number, number>, key: number): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
