/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': '<rootDir>/test/support/esbuild-jest.js' },
  reporters: ['default', '<rootDir>/test/support/plain-reporter.js'],
  testTimeout: 30000,
};
