/** Unit, contract and e2e specs in one run; ts-jest transpiles only; `npm run build` (the first step of `npm test`) type-checks. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/state-machines', '<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The aliases of tsconfig.json's `paths` (package.json `imports` maps the same names onto dist/ at run time).
  moduleNameMapper: {
    '^#libs/kernel/config$': '<rootDir>/libs/kernel/src/config/index.ts',
    '^#libs/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^#testing/(.*)$': '<rootDir>/libs/$1/src/testing/index.ts',
    '^#core/(.*)$': '<rootDir>/state-machines/$1/index.ts',
  },
  testTimeout: 30000,
};
