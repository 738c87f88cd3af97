// Lint rules: the recommended sets for TypeScript and Svelte, plus the project's own bans.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'data/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The engine is pure: time and randomness come in as data (STYLE.md).
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass time in as data.' },
        { object: 'Math', property: 'random', message: 'Pass seeds in as data.' },
      ],
    },
  },
  {
    // `{@html}` would render question-bank or comment text as markup.
    files: ['**/*.svelte'],
    rules: { 'svelte/no-at-html-tags': 'error' },
  },
);
