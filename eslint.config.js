import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/out/**', 'client/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The explorer runs in the browser (and its tests in happy-dom / page.evaluate).
    files: ['client/**', 'tests/e2e/**'],
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', navigator: 'readonly', localStorage: 'readonly', fetch: 'readonly',
        performance: 'readonly', requestAnimationFrame: 'readonly', cancelAnimationFrame: 'readonly', setInterval: 'readonly',
        clearInterval: 'readonly', HTMLElement: 'readonly', HTMLInputElement: 'readonly', KeyboardEvent: 'readonly', Blob: 'readonly',
        URLSearchParams: 'readonly', AbortController: 'readonly', Response: 'readonly', Event: 'readonly', MouseEvent: 'readonly',
        Intl: 'readonly', self: 'readonly', location: 'readonly', history: 'readonly', alert: 'readonly', confirm: 'readonly',
      },
    },
  },
);
