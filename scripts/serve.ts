import { startServer } from "./server";
import { redactSecrets } from "../app/server/env.server";
import { seedDemoIfEmpty } from "./seed/first-start";
import { dayOneLines } from "./day-one";

// `npm start`: migrations, shipped questionnaires, demo data on the first start, then serve.
try {
  const server = await startServer({
    onDatabaseReady: async (db, env) => {
      await seedDemoIfEmpty(db, env);
      if (env.SEED_DEMO !== "1") for (const line of await dayOneLines(db)) console.log(line);
    },
  });
  console.log(`Hài Lòng đang chạy tại ${server.url}  (Ctrl+C để dừng)`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(redactSecrets(`Không khởi động được: ${(error as Error).message}`));
  process.exit(1);
}
