const path = require('node:path');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');
const { writeLabelModules } = require('./scripts/lib/customLabels.mts');

// Custom Labels resolve to their real text in tests (the platform would serve the same text), so
// assertions read like what a visitor sees. Generated from the labels file on every run.
const labelModules = path.join(__dirname, 'node_modules', '.cache', 'jest-custom-labels');
writeLabelModules(__dirname, labelModules);

module.exports = {
    ...jestConfig,
    testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.ts'],
    moduleNameMapper: {
        '^@salesforce/label/c\\.(.+)$': `${labelModules}/$1.js`,
        '^@salesforce/community/basePath$':
            '<rootDir>/force-app/test/jest-mocks/communityBasePath.ts',
        '^test/(.*)$': '<rootDir>/force-app/test/$1'
    },
    setupFilesAfterEnv: [
        ...(jestConfig.setupFilesAfterEnv || []),
        '<rootDir>/force-app/test/jest-setup.ts'
    ],
    testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/preview/'],
    collectCoverageFrom: [
        'force-app/main/default/lwc/**/*.ts',
        '!force-app/main/default/lwc/**/__tests__/**'
    ],
    coverageReporters: ['text-summary', 'text', 'json-summary'],
    coverageThreshold: {
        './force-app/main/default/lwc/embeddedChatService/': {
            lines: 95
        }
    },
    clearMocks: true,
    restoreMocks: true
};
