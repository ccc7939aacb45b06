import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * The page's import rule, as bulletproof-react draws it: app → features → lib, never back, and no
 * feature imports another (what two features share moves to lib, or is composed in app).
 * Test fakes live in src/testing and only tests import them.
 */
const zones = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'Features never import each other: move what they share to src/lib, or compose them in src/app.',
  })),
  { target: './src/features', from: './src/app', message: 'Features do not import the app that composes them.' },
  { target: './src/lib', from: ['./src/features', './src/app'], message: 'src/lib knows no feature and no app.' },
];
const fakesForTestsOnly = { target: ['./src/app', './src/features', './src/lib', './src/main.tsx'], from: './src/testing', message: 'Fakes are for tests only.' };

export default tseslint.config(
  { ignores: ['dist', 'node_modules'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...zones, fakesForTestsOnly] }],
      'import-x/no-cycle': 'error',
      'import-x/no-unresolved': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Playwright fixtures destructure nothing from `{}` by design.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // Tests may use what production code may not: the fakes.
    files: ['src/**/*.test.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones }] },
  },
);
