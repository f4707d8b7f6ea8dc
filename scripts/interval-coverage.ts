// Coverage of the 95% intervals (issue 13.2): simulates 500 data sets per case from a known
// population and prints the share of intervals that contain the true index. Usage:
//   npx tsx scripts/interval-coverage.ts [--sets 500]
// Prints figures; asserts nothing. The target is 93–97% for n ≥ 30.
import { UNIT_REPLICATES, UNIT_SAMPLE, seededRandom, type SatisfactionVector } from "../app/metrics/bootstrap";
import { computeIndex, emptyDistribution, type Distribution } from "../app/metrics/sipas-index";
import { intervalsFor, unitInterval } from "../app/server/report-intervals.server";
import type { IndexModel } from "../app/survey/types";

const setsAt = process.argv.indexOf("--sets");
const SETS = setsAt > 0 ? Number(process.argv[setsAt + 1]) : 500;
const T = { vi: "x", en: "x" };
// Three elements of 2–4 items, items of different difficulty; respondents differ (a person
// effect correlates their answers) and skip 10% of the items.
const ITEMS = [0.9, 0.8, 0.7, 0.85, 0.6, 0.75, 0.8, 0.65, 0.88];
const elements = [["i0", "i1"], ["i2", "i3", "i4"], ["i5", "i6", "i7", "i8"]];
const modelOf = (aggregation: IndexModel["aggregation"]): IndexModel => ({
  aggregation,
  parentAggregation: "pooled",
  aspects: [{ id: "a", title: T, elements: elements.map((items, k) => ({ id: `e${k}`, title: T, items })) }],
});
/** Good respondents +0.1 on every item, bad −0.1 (half each): item shares stay ITEMS (all ≤ 0.9, so no probability is capped). */
const PERSON = 0.1;
const MISSING = 0.1;

/** The population's index: every item's share is exactly its probability (missing at random). */
function truth(model: IndexModel): number {
  const counts = new Map<string, Distribution>(ITEMS.map((p, i) => [`i${i}`, { ...emptyDistribution(), 5: Math.round(p * 1e6), 1: Math.round((1 - p) * 1e6) }]));
  return computeIndex(model, counts).index!;
}

function dataSet(n: number, random: () => number): SatisfactionVector[] {
  return Array.from({ length: n }, () => {
    const shift = random() < 0.5 ? PERSON : -PERSON;
    return Int8Array.from(ITEMS.map((p) => (random() < MISSING ? -1 : random() < p + shift ? 1 : 0)));
  });
}

function estimate(model: IndexModel, data: SatisfactionVector[]): number | null {
  const counts = new Map<string, Distribution>(ITEMS.map((_, i) => [`i${i}`, emptyDistribution()]));
  for (const r of data) r.forEach((v, i) => v >= 0 && (counts.get(`i${i}`)![v ? 5 : 1] += 1));
  return computeIndex(model, counts).index;
}

type Rule = "unit" | "scope";
function coverage(model: IndexModel, n: number, rule: Rule): { share: number; width: number } {
  const target = truth(model);
  const random = seededRandom(n * 7 + (rule === "unit" ? 1 : 2));
  let inside = 0;
  let width = 0;
  for (let s = 0; s < SETS; s++) {
    const data = dataSet(n, random);
    const centre = estimate(model, data);
    // The engine reads the first m in sample order: a data set is already in random order.
    const ci = rule === "unit" ? unitInterval(model, data.slice(0, UNIT_SAMPLE), n, centre) : (intervalsFor(model, data.slice(0, 500), n, { index: centre, elements: new Map(), aspects: new Map() })?.index ?? null);
    if (ci && ci[0] <= target && target <= ci[1]) inside++;
    if (ci) width += ci[1] - ci[0];
  }
  return { share: (100 * inside) / SETS, width: width / SETS };
}

console.log(`${SETS} data sets per case; true index: mean-of-items ${truth(modelOf("mean-of-items")).toFixed(2)}, pooled-all ${truth(modelOf("pooled-all")).toFixed(2)}`);
for (const aggregation of ["mean-of-items", "pooled", "pooled-all"] as const) {
  const model = modelOf(aggregation);
  for (const [rule, sizes] of [["unit", [30, 100, 1000, 5000]], ["scope", [500, 5000]]] as const) {
    for (const n of sizes) {
      const c = coverage(model, n, rule);
      const ok = c.share >= 93 && c.share <= 97 ? "ok" : "OUTSIDE 93–97";
      console.log(`${aggregation.padEnd(13)} ${rule === "unit" ? `unit rule (own sample ≤ ${UNIT_SAMPLE}, ${UNIT_REPLICATES} replicates)` : "scope rule (sample ≤ 500, 400 replicates)"} n = ${String(n).padStart(5)}: ${c.share.toFixed(1)}% cover the truth, mean width ${c.width.toFixed(2)} points — ${ok}`);
    }
  }
}
