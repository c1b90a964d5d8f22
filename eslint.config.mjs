// ESLint as the Yeoman Office add-in template ships it (eslint-plugin-office-addins' React config: the
// Office.js rules load-object-before-read, call-sync-before-read, test-for-null-using-isNullObject, …) over
// TypeScript. The plugin's config covers .ts but not .tsx, so the same rules are given to .tsx files here.
// Formatting is Prettier's (office-addin-prettier-config, prettier.config.js): `npm run format`.
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';
import globals from 'globals';

const officeRules = officeAddins.configs.recommended.at(-1);

export default [
  { ignores: ['node_modules/', 'lib/', 'dist/', 'dist-preview/', '.bench-out/', 'coverage/', 'tmp/', 'vendor/', 'docs/'] },
  ...officeAddins.configs.react,
  {
    files: ['**/*.tsx'],
    plugins: officeRules.plugins,
    languageOptions: officeRules.languageOptions,
    rules: officeRules.rules,
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: {
      // Given again: the plugin's config names the parser through an import interop that leaves it unset.
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, ...globals.jest, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' },
    },
    settings: { react: { version: '18' } },
    rules: {
      // TypeScript checks these (strict): ESLint's JavaScript versions misread types and overloads.
      'no-undef': 'off',
      'no-redeclare': 'off',
      // React 17+ JSX transform; props are typed by TypeScript.
      'react/react-in-jsx-scope': 'off',
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Formatting is checked by `npm run format:check` (Prettier itself), not once per file through ESLint.
      'prettier/prettier': 'off',
    },
  },
  {
    // The Office.js rules read `.load()`/`.sync()` patterns by name: ExcelJS cells (the .xlsx adapter) and the
    // tests' reads of the simulated workbook's plain objects are not Office proxies.
    files: ['src/adapters/xlsx/**', 'test/**', 'bench/**'],
    rules: {
      'office-addins/call-sync-before-read': 'off',
      'office-addins/call-sync-after-load': 'off',
      'office-addins/load-object-before-read': 'off',
      'office-addins/test-for-null-using-isNullObject': 'off',
    },
  },
];
