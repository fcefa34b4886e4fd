const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const jestPlugin = require('eslint-plugin-jest');
const globals = require('globals');

const componentFiles = ['force-app/**/*.ts'];
const testFiles = ['force-app/**/__tests__/**/*.ts', 'force-app/test/**/*.ts'];
const toolFiles = [
    'scripts/**/*.{mts,cts,ts}',
    'preview/**/*.{ts,mts}',
    'bench/**/*.mts',
    'types/**/*.d.ts'
];

module.exports = [
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            'preview/dist/**',
            'test-results/**',
            'force-app/main/default/lwc/**/*.js',
            'scripts/metadata/__fixtures__/**'
        ]
    },
    // Salesforce's recommended LWC rules for TypeScript components (platform restrictions, LWC best
    // practices), scoped to the component sources.
    ...lwcConfig.configs.recommendedTs.map((block) => ({ ...block, files: componentFiles })),
    // typescript-eslint on every TypeScript file. Its parser replaces the Babel one for .ts, so that
    // type-aware syntax (assertions, `satisfies`) does not trip the LWC rules.
    ...tseslint.configs.recommended.map((block) => ({
        ...block,
        files: [...componentFiles, ...toolFiles]
    })),
    {
        files: [...componentFiles, ...toolFiles],
        languageOptions: { parser: tseslint.parser, sourceType: 'module' },
        rules: {
            'no-undef': 'off',
            'no-unused-vars': 'off',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
            '@typescript-eslint/no-explicit-any': 'error',
            '@typescript-eslint/consistent-type-imports': [
                'error',
                { fixStyle: 'inline-type-imports' }
            ]
        }
    },
    {
        files: componentFiles,
        rules: {
            'no-console': 'error',
            'no-eval': 'error',
            'no-implied-eval': 'error',
            '@lwc/lwc/no-inner-html': 'error',
            '@lwc/lwc/no-document-query': 'error'
        }
    },
    {
        files: testFiles,
        ...jestPlugin.configs['flat/recommended'],
        languageOptions: {
            ...jestPlugin.configs['flat/recommended'].languageOptions,
            parser: tseslint.parser,
            globals: { ...globals.jest, ...globals.node }
        },
        rules: {
            ...jestPlugin.configs['flat/recommended'].rules,
            'jest/expect-expect': [
                'error',
                { assertFunctionNames: ['expect', 'expect*', 'assert*'] }
            ],
            '@lwc/lwc/no-document-query': 'off',
            'no-console': 'off',
            '@typescript-eslint/no-non-null-assertion': 'off'
        }
    },
    {
        files: toolFiles,
        languageOptions: { globals: { ...globals.node } }
    },
    {
        files: ['*.js'],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    }
];
