import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { settingsFromContext } from './settings.js';
import { ScoringApiStack, ScoringWebStack, stackName, webStackName } from './stack.js';

/** `npx cdk deploy -c stage=prod -c webOrigin=https://…`; see infra/settings.ts for every context key. */
const app = new App();
const settings = settingsFromContext((key) => app.node.tryGetContext(key));
const api = new ScoringApiStack(app, stackName(settings.stage), { settings });
new ScoringWebStack(app, webStackName(settings.stage), { settings, api });

// cdk-nag runs as a validation plugin: an unacknowledged finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
