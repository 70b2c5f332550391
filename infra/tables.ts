import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { TABLES, TABLE_NAMES, type TableName } from '../src/store/tables.js';

/**
 * The item-level actions the store uses. Transactions need no actions of their
 * own: DynamoDB authorizes each Put/Update/Delete/ConditionCheck/Get inside them.
 * Scan and table management are deliberately absent.
 */
export const ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
] as const;

/** Indexes are only ever queried. */
export const INDEX_ACTIONS = ['dynamodb:Query'] as const;

const stringAttribute = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

export interface ScoringTablesProps {
  readonly protectData: boolean;
  /**
   * Existing tables to serve instead of the stack's own, by name: a point-in-time restore
   * creates a new table, and this puts it behind the function without touching the original.
   */
  readonly overrides?: Readonly<Partial<Record<TableName, string>>>;
}

/** The DynamoDB tables, one per definition in `src/store/tables.ts`. */
export class ScoringTables extends Construct {
  /** The tables this stack owns (kept even while an override serves instead). */
  readonly tables: Readonly<Record<TableName, dynamodb.TableV2>>;
  /** The tables the function reads and writes, and the alarms and backups watch: the stack's own or an override. */
  readonly live: Readonly<Record<TableName, dynamodb.ITableV2>>;

  constructor(scope: Construct, id: string, props: ScoringTablesProps) {
    super(scope, id);
    const entries = TABLE_NAMES.map((name) => {
      const definition = TABLES[name];
      const table = new dynamodb.TableV2(this, pascalCase(name), {
        // No physical name: CloudFormation picks a unique one, so stages and
        // stacks can share an account and a table can be replaced if ever needed.
        partitionKey: stringAttribute(definition.partitionKey),
        sortKey: stringAttribute(definition.sortKey),
        globalSecondaryIndexes: definition.indexes.map((index) => ({
          indexName: index.name,
          partitionKey: stringAttribute(index.partitionKey),
          sortKey: stringAttribute(index.sortKey),
          projectionType: dynamodb.ProjectionType.ALL,
        })),
        billing: dynamodb.Billing.onDemand(),
        encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: props.protectData,
        removalPolicy: props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      return [name, table] as const;
    });
    this.tables = Object.fromEntries(entries) as Record<TableName, dynamodb.TableV2>;
    this.live = Object.fromEntries(
      TABLE_NAMES.map((name) => {
        const override = props.overrides?.[name];
        return [name, override ? dynamodb.TableV2.fromTableName(this, `${pascalCase(name)}Override`, override) : this.tables[name]];
      }),
    ) as Record<TableName, dynamodb.ITableV2>;
  }

  /** Read and write items in every live table and query every index; nothing else. */
  grantItemAccess(grantee: iam.IGrantable): void {
    const tables = TABLE_NAMES.map((name) => this.live[name]);
    iam.Grant.addToPrincipal({ grantee, actions: [...ITEM_ACTIONS], resourceArns: tables.map((table) => table.tableArn) });
    const indexArns = TABLE_NAMES.flatMap((name) => TABLES[name].indexes.map((index) => `${this.live[name].tableArn}/index/${index.name}`));
    if (indexArns.length > 0) iam.Grant.addToPrincipal({ grantee, actions: [...INDEX_ACTIONS], resourceArns: indexArns });
  }
}

export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
