// ESLint flat config. `npx eslint --max-warnings=0 .` — no type-aware rules, so it stays fast
// (tsc --noEmit does the type checking).
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The few Node globals our plain .js files (configs, scripts) use; TypeScript files get
// undefined-variable checking from tsc instead (typescript-eslint turns no-undef off there).
const nodeGlobals = {
  process: "readonly",
  console: "readonly",
  Buffer: "readonly",
  URL: "readonly",
  setTimeout: "readonly",
  clearTimeout: "readonly",
};

export default defineConfig(
  globalIgnores([
    "**/node_modules/",
    "build/",
    "public/build/",
    ".cache/",
    "data/",
    "coverage/",
    ".tmp/",
    "bench-results/",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ["**/*.tsx"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    rules: {
      // `_`-prefixed names mark deliberately unused parameters and destructured rest siblings.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
);
