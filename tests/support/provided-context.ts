// Values that globalSetup files hand to test files through `project.provide` / `inject`.
// Imported (for its types) by the setup files and by test-db.ts.

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser URL of the run's embedded PostgreSQL (`…/postgres`); set by postgres-global-setup. */
    pgAdminUrl: string;
  }
}

export {};
