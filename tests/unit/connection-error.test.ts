import { describe, expect, it } from "vitest";
import { isConnectionError } from "../../db/replica";

// Which failures mean "the database cannot be reached" (503 + Retry-After, reads fall back)
// rather than "the statement was refused" (a bug or bad data: 500 / 4xx).
describe("isConnectionError", () => {
  it("recognises refused, cut and shutting-down connections", () => {
    expect(isConnectionError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isConnectionError(new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]))).toBe(true);
    expect(isConnectionError(new Error("wrapped", { cause: Object.assign(new Error("y"), { code: "08006" }) }))).toBe(true);
  });

  it("leaves refused statements alone", () => {
    expect(isConnectionError(Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }))).toBe(false);
    expect(isConnectionError(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(isConnectionError(new Error("SQLITE_BUSY: database is locked"))).toBe(false);
    expect(isConnectionError(undefined)).toBe(false);
  });
});
