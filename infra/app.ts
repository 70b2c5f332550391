import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { settingsFromContext } from './settings.js';
import { buildStacks } from './stacks.js';

/** `npm run deploy:prod -- -c domainName=… …`; see infra/settings.ts and docs/operations.md for every context key. */
const app = new App();
// The CLI sets CDK_DEFAULT_REGION from the profile; -c region=… takes precedence.
const settings = settingsFromContext((key) => app.node.tryGetContext(key), { region: process.env.CDK_DEFAULT_REGION });
buildStacks(app, settings);

// cdk-nag runs as a validation plugin: an unacknowledged finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
