import { backup } from "./backup";
import { CliError, createContext, EXIT_ERROR, EXIT_USAGE, UsageError, type Command, type ContextOptions } from "./context";
import { createKiosk } from "./create-kiosk";
import { createToken } from "./create-token";
import { createUser } from "./create-user";
import { federate } from "./federate";
import { help } from "./help";
import { importOfferings, importServices, importUnits } from "./import";
import { maintain } from "./maintain";
import { migrate } from "./migrate";
import { publish } from "./publish";
import { seedDemoCommand } from "./seed-demo";
import { redactSecrets } from "../../app/server/env.server";

export const COMMANDS: Record<string, Command> = {
  migrate,
  maintain,
  "seed-demo": seedDemoCommand,
  "import-units": importUnits,
  "import-services": importServices,
  "import-offerings": importOfferings,
  publish,
  "create-user": createUser,
  "create-token": createToken,
  "create-kiosk": createKiosk,
  backup,
  federate,
  help,
};

/** Runs one command line; returns the exit code (0 ok, 1 error, 2 usage). Never throws. */
export async function runCli(argv: string[], opts: ContextOptions = {}): Promise<number> {
  const [name, ...args] = argv;
  let ctx;
  try {
    ctx = createContext(opts);
  } catch (error) {
    (opts.io ?? { err: (l: string) => process.stderr.write(`${l}\n`) }).err(redactSecrets((error as Error).message));
    return EXIT_ERROR;
  }
  try {
    if (!name || name === "--help" || name === "-h") return await help(ctx);
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`Lệnh không tồn tại (unknown command): ${name}`);
    return await command(ctx, args);
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.io.err(`${error.message}\nXem hướng dẫn (see usage): npm run cli -- help`);
      return EXIT_USAGE;
    }
    if (error instanceof CliError) {
      ctx.io.err(error.message);
      return EXIT_ERROR;
    }
    ctx.io.err(redactSecrets(`Lỗi (error): ${(error as Error).message ?? String(error)}`));
    return EXIT_ERROR;
  } finally {
    await ctx.close();
  }
}
