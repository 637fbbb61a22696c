// The one lint and format gate (`npm run lint`, run first by `npm test`): ESLint's and
// typescript-eslint's recommended rules, eslint-plugin-vue's recommended set for .vue files, and
// @stylistic for the format half. Syntax-only (no type-aware rules) so it stays fast; vue-tsc
// does the type checking. The @stylistic rules describe the style the tree is already written in:
// they are here to keep it, not to reformat it.
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'coverage/', 'tests/.artifacts/', '.bench/', '.scratch/', 'data/']),
  {
    // A disable comment that no longer silences anything is itself a finding.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  tseslint.configs.recommended,
  pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: {
      // TypeScript (vue-tsc) already reports undefined names, and knows type-only globals that
      // no-undef does not; typescript-eslint turns it off for .ts files for the same reason.
      'no-undef': 'off',
    },
  },

  // Where each part of the tree runs.
  { files: ['client/**'], languageOptions: { globals: globals.browser } },
  { files: ['client/sw/**'], languageOptions: { globals: globals.serviceworker } },
  { files: ['server/**', 'scripts/**', 'tests/**', '*.{js,ts}'], languageOptions: { globals: globals.node } },
  { files: ['shared/**'], languageOptions: { globals: { ...globals.browser, ...globals.node } } },

  {
    rules: {
      // Leaving fields out of a copy by destructuring them away (`const { id: _id, ...rest } = row`)
      // is how the tree drops columns before re-inserting a row; the named fields are unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Every control-character range in the tree's regexes is deliberate: typed text refuses
      // control characters (PostgreSQL refuses NUL), always written as visible \u escapes. The rule
      // cannot tell that from a mistake, so it would only ever be silenced.
      'no-control-regex': 'off',
    },
  },
  {
    // Kysely's documented convention: a migration takes Kysely<any>, because it is frozen in time
    // and must not import the application's schema type (which describes the latest schema, not
    // the one the migration sees). The migrator runs those migrations over whatever schema the
    // database has, so it takes Kysely<any> too.
    files: ['server/db/migrations/**/*.ts', 'server/db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  {
    // Vue template formatting rules from plugin-vue's recommended set that the tree does not
    // follow: pure layout, hundreds of findings across most .vue files, no bug behind them.
    files: ['**/*.vue'],
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      // The tree writes void elements self-closed (`<input />`), everywhere.
      'vue/html-self-closing': ['error', { html: { void: 'always', normal: 'always', component: 'always' }, svg: 'always', math: 'always' }],
    },
  },

  {
    // The format half: the tree's existing style (2-space indent, single quotes, semicolons,
    // trailing commas in multiline literals, operators at the end of a broken line, `?`/`:` at
    // the start). Line length is not checked: the tree has long lines on purpose (one statement,
    // one line) and wrapping them would be churn.
    files: ['**/*.{js,ts,vue}'],
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/indent': ['error', 2, { offsetTernaryExpressions: true }],
      '@stylistic/no-tabs': 'error',
      '@stylistic/no-mixed-spaces-and-tabs': 'error',
      '@stylistic/linebreak-style': ['error', 'unix'],
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/eol-last': 'error',
      '@stylistic/no-multiple-empty-lines': ['error', { max: 1, maxBOF: 0, maxEOF: 0 }],
      '@stylistic/padded-blocks': ['error', 'never'],
      '@stylistic/semi': ['error', 'always'],
      '@stylistic/semi-spacing': 'error',
      '@stylistic/no-extra-semi': 'error',
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      '@stylistic/quote-props': ['error', 'as-needed'],
      '@stylistic/comma-dangle': ['error', 'always-multiline'],
      '@stylistic/comma-spacing': 'error',
      '@stylistic/comma-style': 'error',
      '@stylistic/member-delimiter-style': 'error',
      '@stylistic/brace-style': ['error', '1tbs', { allowSingleLine: true }],
      '@stylistic/block-spacing': 'error',
      '@stylistic/object-curly-spacing': ['error', 'always'],
      '@stylistic/array-bracket-spacing': ['error', 'never'],
      '@stylistic/computed-property-spacing': 'error',
      '@stylistic/space-in-parens': 'error',
      '@stylistic/template-curly-spacing': 'error',
      '@stylistic/keyword-spacing': 'error',
      '@stylistic/space-before-blocks': 'error',
      '@stylistic/space-before-function-paren': ['error', { anonymous: 'always', named: 'never', asyncArrow: 'always' }],
      '@stylistic/function-call-spacing': 'error',
      '@stylistic/space-infix-ops': 'error',
      '@stylistic/space-unary-ops': 'error',
      '@stylistic/no-multi-spaces': 'error',
      '@stylistic/key-spacing': 'error',
      '@stylistic/switch-colon-spacing': 'error',
      '@stylistic/type-annotation-spacing': 'error',
      '@stylistic/type-generic-spacing': 'error',
      '@stylistic/arrow-parens': ['error', 'always'],
      '@stylistic/arrow-spacing': 'error',
      '@stylistic/rest-spread-spacing': 'error',
      '@stylistic/no-whitespace-before-property': 'error',
      '@stylistic/dot-location': ['error', 'property'],
      '@stylistic/operator-linebreak': ['error', 'after', { overrides: { '?': 'before', ':': 'before', '|': 'before', '&': 'before' } }],
      '@stylistic/multiline-ternary': ['error', 'always-multiline'],
      '@stylistic/new-parens': 'error',
      '@stylistic/no-floating-decimal': 'error',
      '@stylistic/spaced-comment': ['error', 'always', { markers: ['/'] }],
      '@stylistic/max-statements-per-line': ['error', { max: 1 }],
      '@stylistic/lines-between-class-members': ['error', 'always', { exceptAfterSingleLine: true }],
    },
  },
);
