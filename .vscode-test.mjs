// @vscode/test-cli configuration for machines that can download VS Code (this project's own
// machines cannot: there the same suites run in code-server through test/extension/run.ts).
//   KCL_EXT_CONNECT_URL=http://127.0.0.1:8083 node --import tsx test/extension/workspace.ts
//   node --import tsx test/extension/build.ts
//   npx vscode-test
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'extension',
  files: 'out/test/extension/*.test.js',
  version: '1.139.0',
  workspaceFolder: '.vscode-test/workspace',
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 120_000, color: true },
});
