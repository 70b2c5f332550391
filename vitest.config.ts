// The AWS SDK warns about Node 20 on import; the Lambda runtime is Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'infra/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    setupFiles: ['test/support/fastCheck.ts'],
    testTimeout: 30_000,
    // Two test files at a time: the suite waits on DynamoDB Local and Chromium more than on the CPU,
    // and one at a time no longer fits CI's budget (10.4 min of tests against 7.3 with two).
    maxWorkers: 2,
    hookTimeout: 60_000,
    // Browser tests poll for what a person would wait to see; on a loaded 2-core CI machine a page reload
    // alone can take longer than the 1 s default.
    expect: { poll: { timeout: 10_000 } },
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
