import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../app/server/rate-limit.server";
import { throttleResponses } from "../../app/server/principal.server";
import type { AppServices } from "../../app/server/services.server";

// Issue 18 point 4: limits count responses, not requests — a batch of 500 costs 500.
describe("response limits", () => {
  it("takes as many tokens as the batch holds", () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 600, refillPerSecond: 1, now: () => t });
    expect(limiter.take("k", 500)).toBe(0);
    expect(limiter.take("k", 500)).toBe(400);
    t = 400_000;
    expect(limiter.take("k", 500)).toBe(0);
  });

  it("charges kiosks and tokens per response; a kiosk still flushes a long offline queue", () => {
    const limits = { kioskResponses: createRateLimiter({ capacity: 2000, refillPerSecond: 0.2, now: () => 0 }), tokenResponses: createRateLimiter({ capacity: 2000, refillPerSecond: 200, now: () => 0 }) };
    const services = { limits } as unknown as AppServices;
    const kiosk = { kind: "kiosk" as const, kioskId: 1, unitId: 1, surveyId: null };
    for (let i = 0; i < 20; i++) throttleResponses(kiosk, services, 100);
    expect(() => throttleResponses(kiosk, services, 1)).toThrow();
    const token = { kind: "token" as const, tokenId: 1, role: "admin" as const, unitId: null };
    for (let i = 0; i < 4; i++) throttleResponses(token, services, 500);
    expect(() => throttleResponses(token, services, 500)).toThrow();
  });
});
