import { runCli } from "./cli/run";

// `npm run cli -- <command>`: see scripts/cli/help.ts (and README.md, "Command line").
process.exitCode = await runCli(process.argv.slice(2));
