// Layer boundaries (DEVELOPERS.md): renderer -> domain; drivers -> domain; main -> domain, drivers;
// central -> domain. Nothing imports main or renderer. Native modules stay in their one folder each.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layerRules } from './tools/lint/layers.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  // Config files are the one place tools require a default export.
  { files: ['*.config.{ts,js}'], rules: { 'no-restricted-syntax': 'off' } },
  ...layerRules,
);
