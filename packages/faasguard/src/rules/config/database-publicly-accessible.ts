import { ModelIndex } from '../../model/model-index.js';
import { DB_CLUSTER_TYPE, DB_INSTANCE_TYPE } from '../../model/facts/database-storage.js';
import { publiclyAccessibleDatabase, type DatabaseAccessFacts } from '../../model/facts/database-access.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const databasePubliclyAccessible: Rule = {
  meta: {
    id: 'database-publicly-accessible',
    title: 'RDS database reachable from the internet',
    category: 'SAS-3',
    cwe: ['CWE-284', 'CWE-668'],
    severity: 'high',
    description:
      "An RDS DB instance (Aurora's included) or Multi-AZ DB cluster has `PubliclyAccessible: true`: RDS gives its endpoint a public address wherever its subnet group has subnets that route to an internet gateway, and its name resolves to that address from anywhere. Its security groups and its users' passwords are then all that stand between the internet and the database, whose port scanners probe within minutes; a security group widened later, for a test or a migration, exposes every row. The functions of a serverless application reach their database from the VPC (directly or through RDS Proxy) and need no public address.",
    remediation:
      'Set `PubliclyAccessible: false` (Terraform: `publicly_accessible = false`) and place the database in private subnets; let the functions connect from the VPC, through RDS Proxy where many connect at once. Reach it for administration through Systems Manager Session Manager port forwarding or a VPN.',
    example: {
      language: 'yaml',
      vulnerable: 'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    Engine: postgres\n    DBInstanceClass: db.t4g.micro\n    AllocatedStorage: 20\n    StorageEncrypted: true\n    PubliclyAccessible: true',
      fixed: 'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    Engine: postgres\n    DBInstanceClass: db.t4g.micro\n    AllocatedStorage: 20\n    StorageEncrypted: true\n    PubliclyAccessible: false\n    DBSubnetGroupName: !Ref PrivateSubnets',
    },
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding', 'https://docs.aws.amazon.com/lambda/latest/dg/services-rds.html'],
    judges: [DB_INSTANCE_TYPE, DB_CLUSTER_TYPE],
    peerChecks: ['Checkov CKV_AWS_17'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const resource of ModelIndex.of(model).resourcesOfTypes([DB_INSTANCE_TYPE, DB_CLUSTER_TYPE])) {
      const facts = publiclyAccessibleDatabase(resource);
      if (facts) results.push(resultFor(facts));
    }
    return results;
  },
};

function resultFor(facts: DatabaseAccessFacts): RuleResult {
  const db = facts.resource;
  const what = facts.kind === 'cluster' ? 'DB cluster' : 'DB instance';
  const engine = facts.engine ? ` (${facts.engine})` : '';
  return {
    message: `${what} ${nameOf(db)}${engine} is publicly accessible: RDS gives it an internet address wherever its subnets route to an internet gateway, and its security groups and passwords alone then keep the internet out. Set PubliclyAccessible to false and reach it from the VPC.`,
    location: facts.loc,
    related: [{ loc: db.loc, message: `${what} ${nameOf(db)}` }],
    subject: subjectOf(db),
    key: [db.logicalId],
  };
}
