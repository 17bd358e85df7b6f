/**
 * Resource properties that hold a credential by definition, as the CloudFormation reference
 * documents them: whatever literal they are given is the password, token or key the deployed
 * resource accepts or presents. `*` in a path stands for every item of a list.
 */
export interface CredentialProperty {
  /** CloudFormation resource type */
  type: string;
  /** Property path under `Properties` */
  path: readonly string[];
  /** What the value is, for messages: "the database's master password" */
  what: string;
  /**
   * Whether the resource accepts the credential (a database's password: whatever is written there,
   * placeholder or not, opens the resource) rather than sends it elsewhere (an API key a connection
   * presents: a placeholder there sends nothing secret).
   */
  accepted: boolean;
}

export const CREDENTIAL_PROPERTIES: readonly CredentialProperty[] = [
  { type: 'AWS::RDS::DBInstance', path: ['MasterUserPassword'], what: "the database's master password", accepted: true },
  { type: 'AWS::RDS::DBCluster', path: ['MasterUserPassword'], what: "the database's master password", accepted: true },
  { type: 'AWS::Redshift::Cluster', path: ['MasterUserPassword'], what: "the cluster's master password", accepted: true },
  { type: 'AWS::RedshiftServerless::Namespace', path: ['AdminUserPassword'], what: "the namespace's admin password", accepted: true },
  { type: 'AWS::DocDB::DBCluster', path: ['MasterUserPassword'], what: "the cluster's master password", accepted: true },
  { type: 'AWS::ElastiCache::ReplicationGroup', path: ['AuthToken'], what: "the cache's AUTH token", accepted: true },
  { type: 'AWS::AmazonMQ::Broker', path: ['Users', '*', 'Password'], what: "a broker user's password", accepted: true },
  { type: 'AWS::IAM::User', path: ['LoginProfile', 'Password'], what: "the IAM user's console password", accepted: true },
  { type: 'AWS::DirectoryService::MicrosoftAD', path: ['Password'], what: "the directory administrator's password", accepted: true },
  { type: 'AWS::DirectoryService::SimpleAD', path: ['Password'], what: "the directory administrator's password", accepted: true },
  { type: 'AWS::DMS::Endpoint', path: ['Password'], what: "the endpoint's database password", accepted: false },
  { type: 'AWS::OpenSearchService::Domain', path: ['AdvancedSecurityOptions', 'MasterUserOptions', 'MasterUserPassword'], what: "the domain's master user password", accepted: true },
  { type: 'AWS::Elasticsearch::Domain', path: ['AdvancedSecurityOptions', 'MasterUserOptions', 'MasterUserPassword'], what: "the domain's master user password", accepted: true },
  { type: 'AWS::CodePipeline::Webhook', path: ['AuthenticationConfiguration', 'SecretToken'], what: "the webhook's secret token", accepted: true },
  { type: 'AWS::Amplify::App', path: ['AccessToken'], what: 'the repository access token', accepted: false },
  { type: 'AWS::Amplify::App', path: ['OauthToken'], what: 'the repository OAuth token', accepted: false },
  { type: 'AWS::Amplify::App', path: ['BasicAuthConfig', 'Password'], what: "the app's basic authentication password", accepted: true },
  { type: 'AWS::Amplify::Branch', path: ['BasicAuthConfig', 'Password'], what: "the branch's basic authentication password", accepted: true },
  { type: 'AWS::ApiGateway::ApiKey', path: ['Value'], what: "the API key's value", accepted: true },
  { type: 'AWS::Events::Connection', path: ['AuthParameters', 'ApiKeyAuthParameters', 'ApiKeyValue'], what: "the API destination's key", accepted: false },
  { type: 'AWS::Events::Connection', path: ['AuthParameters', 'BasicAuthParameters', 'Password'], what: "the API destination's password", accepted: false },
  { type: 'AWS::Events::Connection', path: ['AuthParameters', 'OAuthParameters', 'ClientParameters', 'ClientSecret'], what: "the API destination's OAuth client secret", accepted: false },
];
