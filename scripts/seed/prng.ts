// The seeded PRNG lives in app/metrics/prng.ts: survey-round draws (app/metrics/round-draw.ts)
// depend on it too, and app/ never imports from scripts/.
export * from "../../app/metrics/prng";
