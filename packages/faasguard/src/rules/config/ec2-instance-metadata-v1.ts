import { ModelIndex } from '../../model/model-index.js';
import { INSTANCE_TYPE, instanceMetadataFacts, LAUNCH_TEMPLATE_TYPE, type InstanceMetadataFacts } from '../../model/facts/instance-metadata-facts.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const ec2InstanceMetadataV1: Rule = {
  meta: {
    id: 'ec2-instance-metadata-v1',
    title: 'EC2 instance allows IMDSv1',
    category: 'SAS-3',
    cwe: ['CWE-918', 'CWE-522'],
    severity: 'medium',
    description:
      "An EC2 instance or launch template lets software on the instance read the instance metadata service with version 1 (IMDSv1): `MetadataOptions.HttpTokens` is `optional`, or is left out and the AMI does not require IMDSv2. IMDSv1 answers a plain GET to `http://169.254.169.254/latest/meta-data/iam/security-credentials/<role>` with the instance role's temporary keys, so a server-side request forgery in anything the instance runs (a web server, a proxy, a Kafka or database client that follows a URL) hands those keys to the attacker, who uses them from anywhere until they expire. IMDSv2 first needs a session token from a PUT request with a header of its own, which a forged GET cannot send. Serverless applications often keep an instance beside their functions (a bastion, a client for a broker or a cluster), with a role that reaches the same data.\n\n" +
      'Severity: `medium` where an instance profile gives the instance a role; `low` without one, when the service hands out only user data (which often holds set-up secrets) and instance metadata.\n\n' +
      "Only what the template says is judged: an AMI named through Amazon Linux's public Systems Manager parameters is known (Amazon Linux 2023 requires IMDSv2, Amazon Linux 2 does not); an AMI given by ID, mapping or lookup is not known offline, and an instance using it with `HttpTokens` left out is not reported. The account's own IMDS default may require IMDSv2 where the template says nothing; the finding then says what the template leaves to it. An instance that takes its settings from a launch template is judged through that template; `HttpEndpoint: disabled` turns the service off and is not reported.",
    remediation:
      'Set `MetadataOptions: { HttpTokens: required, HttpPutResponseHopLimit: 1 }` on the instance, or `LaunchTemplateData.MetadataOptions` on its launch template (Terraform: `metadata_options { http_tokens = "required" }`; CDK: `requireImdsv2: true`). Current AWS SDKs and CLIs use IMDSv2 on their own. To make it the rule for every new instance of the account, set the account default with `aws ec2 modify-instance-metadata-defaults --http-tokens required`.',
    example: {
      language: 'yaml',
      vulnerable: 'KafkaClient:\n  Type: AWS::EC2::Instance\n  Properties:\n    InstanceType: t3.micro\n    ImageId: !Ref LatestAmiId   # /aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2\n    IamInstanceProfile: !Ref ClientProfile',
      fixed: 'KafkaClient:\n  Type: AWS::EC2::Instance\n  Properties:\n    InstanceType: t3.micro\n    ImageId: !Ref LatestAmiId\n    IamInstanceProfile: !Ref ClientProfile\n    MetadataOptions:\n      HttpTokens: required\n      HttpPutResponseHopLimit: 1',
    },
    references: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html', 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-v2-how-it-works.html'],
    judges: [INSTANCE_TYPE, LAUNCH_TEMPLATE_TYPE],
    peerChecks: ['Checkov CKV_AWS_79', 'AWS Security Hub EC2.8'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const resource of ModelIndex.of(model).resourcesOfTypes([INSTANCE_TYPE, LAUNCH_TEMPLATE_TYPE])) {
      const facts = instanceMetadataFacts(model, resource);
      const why = facts ? reason(facts) : undefined;
      if (facts && why) results.push(resultFor(facts, why));
    }
    return results;
  },
};

/** Why IMDSv1 is allowed, or undefined when it is not (or the template leaves it to what it cannot know). */
function reason(facts: InstanceMetadataFacts): string | undefined {
  if (facts.endpointDisabled) return undefined;
  if (facts.httpTokens === 'optional') return 'sets HttpTokens to optional';
  if (facts.httpTokens !== undefined || facts.launchTemplate) return undefined;
  if (facts.imageDefault !== 'v1-allowed') return undefined;
  return `leaves HttpTokens out, and its Amazon Linux 2 AMI (${facts.imageParameter}) does not require IMDSv2, so it allows IMDSv1 unless the account's default requires IMDSv2`;
}

function resultFor(facts: InstanceMetadataFacts, why: string): RuleResult {
  const r = facts.resource;
  const what = r.type === LAUNCH_TEMPLATE_TYPE ? 'Launch template' : 'Instance';
  return {
    message: `${what} ${nameOf(r)} ${why}: a request forgery in anything the instance runs reads ${exposed(facts)} from the metadata service with one GET. Set MetadataOptions HttpTokens to required.`,
    location: facts.loc,
    related: facts.roles.map((role) => ({ loc: role.loc, message: `role ${nameOf(role)}, whose credentials the metadata service hands out` })),
    subject: subjectOf(r),
    key: [r.logicalId],
    ...(facts.profile ? {} : { severity: 'low' as const }),
  };
}

/** What the metadata service hands out: the role's credentials where an instance profile is given. */
function exposed(facts: InstanceMetadataFacts): string {
  if (facts.roles.length > 0) return `the credentials of role ${facts.roles.map(nameOf).join(', ')}`;
  if (facts.profile) return "the credentials of its instance profile's role";
  return facts.resource.type === LAUNCH_TEMPLATE_TYPE ? "its instances' user data and metadata (and the role credentials of any launched with a profile)" : 'its user data and metadata (it has no instance profile, so no role credentials)';
}
