import { describe, expect, it } from "vitest";
import { createSignInThrottle } from "../../app/server/sign-in-throttle.server";

// Issue 18 point 14: failures per account × address, exponential, successes never counted.
describe("sign-in throttle", () => {
  it("locks one account from one address after five failures, and only there", () => {
    const t = 0;
    const throttle = createSignInThrottle({ now: () => t });
    for (let i = 0; i < 4; i++) throttle.failed("Quantri", "203.0.113.9");
    expect(throttle.wait("quantri", "203.0.113.9")).toBe(0);
    throttle.failed("quantri", "203.0.113.9");
    expect(throttle.wait("quantri", "203.0.113.9")).toBe(30);
    // The official at the office is not locked out by an attacker elsewhere.
    expect(throttle.wait("quantri", "198.51.100.7")).toBe(0);
    expect(throttle.wait("khac", "203.0.113.9")).toBe(0);
  });

  it("doubles the lock after each further failure, up to 15 minutes", () => {
    let t = 0;
    const throttle = createSignInThrottle({ now: () => t });
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      throttle.failed("a", "x");
      waits.push(throttle.wait("a", "x"));
      t += waits[waits.length - 1] * 1000;
    }
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it("never counts successes: signing in a hundred times locks nobody", () => {
    const throttle = createSignInThrottle({ now: () => 0 });
    for (let i = 0; i < 100; i++) throttle.succeeded("a", "x");
    expect(throttle.wait("a", "x")).toBe(0);
    for (let i = 0; i < 4; i++) throttle.failed("a", "x");
    throttle.succeeded("a", "x");
    for (let i = 0; i < 4; i++) throttle.failed("a", "x");
    expect(throttle.wait("a", "x")).toBe(0);
  });

  it("slows one address spraying many accounts", () => {
    const throttle = createSignInThrottle({ now: () => 0 });
    for (let i = 0; i < 50; i++) throttle.failed(`user${i}`, "x");
    expect(throttle.wait("someone-else", "x")).toBeGreaterThan(0);
    expect(throttle.wait("someone-else", "y")).toBe(0);
  });
});
