// Setup file of the "component" project (jsdom).
// Vitest runs without `globals`, so @testing-library cannot register its own
// afterEach cleanup: unmount whatever the previous test rendered.
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
});
