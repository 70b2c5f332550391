import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { TABLE_NAMES } from '../src/store/tables.js';
import type { ScoringTables } from './tables.js';

/** How long daily recovery points are kept, here and in the copy. */
export const BACKUP_RETENTION = Duration.days(35);

export interface TableBackupsProps {
  readonly tables: ScoringTables;
  /** A vault in another region or account that every recovery point is copied to. */
  readonly copyVaultArn: string;
}

/**
 * Daily AWS Backup of the live tables, copied to a second vault. Point-in-time recovery (35
 * days, on every table) covers mistakes; these recovery points also survive the loss of the
 * table, the stack, the region (the copy) or, with a copy vault in another account, the account.
 */
export class TableBackups extends Construct {
  readonly plan: backup.BackupPlan;
  readonly vault: backup.BackupVault;

  constructor(scope: Construct, id: string, props: TableBackupsProps) {
    super(scope, id);
    // Recovery points outlive the stack: deleting it must never delete the backups.
    this.vault = new backup.BackupVault(this, 'Vault', { removalPolicy: RemovalPolicy.RETAIN });
    const copyVault = backup.BackupVault.fromBackupVaultArn(this, 'CopyVault', props.copyVaultArn);
    this.plan = new backup.BackupPlan(this, 'Plan', {
      backupPlanName: `${Stack.of(this).stackName}-tables`,
      backupVault: this.vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'Daily',
          // 18:00 UTC is 02:00 in China, after any evening event.
          scheduleExpression: events.Schedule.cron({ hour: '18', minute: '0' }),
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(3),
          deleteAfter: BACKUP_RETENTION,
          copyActions: [{ destinationBackupVault: copyVault, deleteAfter: BACKUP_RETENTION }],
        }),
      ],
    });
    const selection = this.plan.addSelection('Tables', {
      resources: TABLE_NAMES.map((name) => backup.BackupResource.fromArn(props.tables.live[name].tableArn)),
    });
    for (const policy of ['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores']) {
      Validations.of(selection).acknowledge({
        id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/${policy}]`,
        reason:
          `The selection role uses ${policy}, the AWS-maintained policy AWS Backup documents for its service role; it ` +
          'tracks the permissions each supported resource type needs, which a hand-written copy would not.',
      });
    }
  }
}
