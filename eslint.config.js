import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream'];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-renderer/', 'release/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
      // Input validation looks for control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // The domain core runs under plain Node: no Electron, no UI, no DOM.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', 'electron/*', 'react', 'react-*', '**/electron/**', '**/renderer/**', '**/cli/**'] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    // electron-builder loads its configuration and hooks as CommonJS.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The shell hosts the vault service and the UI's files; it never imports the UI's code or the CLI.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-*', '**/renderer/**', '**/cli/**'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage'],
    },
  },
  {
    // The preload runs sandboxed: it can require 'electron' and what is bundled with it, never Node.
    files: ['electron/preload.ts', 'electron/crossingApi.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeBuiltins, 'react', 'react-*', '**/renderer/**', '**/cli/**', '**/shared/service/**'] },
      ],
    },
  },
  {
    // The UI reaches the vault only through window.crossing: no Node, no Electron, no vault internals.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeBuiltins,
            'electron',
            'electron/*',
            'better-sqlite3',
            'libsodium-wrappers-sumo',
            'age-encryption',
            '**/electron/**',
            '**/cli/**',
            '**/shared/vault/**',
            '**/shared/crypto/**',
            '**/shared/exchange/**',
          ],
        },
      ],
    },
  },
);
