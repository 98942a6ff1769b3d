import tseslint from 'typescript-eslint';

const noVscode = {
  paths: [
    {
      name: 'vscode',
      message: 'Only src/ may import vscode (runtime/, webview/ and protocol/ stay host-free).',
    },
  ],
  patterns: [{ group: ['**/src/*', '**/src/**'], message: 'Only the extension host may import from src/.' }],
};
const noNode = {
  paths: noVscode.paths,
  patterns: [
    ...noVscode.patterns,
    {
      group: ['node:*', 'fs', 'path', 'child_process', 'net', 'os'],
      message: 'Browser and protocol code cannot use Node modules.',
    },
    {
      group: ['**/runtime/*', '**/runtime/**'],
      message: 'Webviews and protocol talk to the runtime only over the wire.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.lab/', '.cache/', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
    },
  },
  {
    files: ['runtime/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    ignores: ['test/extension/**'],
    rules: { 'no-restricted-imports': ['error', noVscode] },
  },
  { files: ['protocol/**/*.ts', 'webview/**/*.ts'], rules: { 'no-restricted-imports': ['error', noNode] } },
  // Unit tests of the extension's pure logic may import src/ (the compiler still forbids 'vscode' there).
  {
    files: ['test/unit/ext-*.test.ts', 'test/integration/ext-*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: noVscode.paths }] },
  },
);
