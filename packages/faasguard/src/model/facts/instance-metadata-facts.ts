/**
 * Whether an EC2 instance or launch template lets software on the instance read the instance
 * metadata service (IMDS) with version 1's plain GET requests, which a server-side request forgery
 * can make, and so hand out the instance role's credentials.
 *
 * `MetadataOptions.HttpTokens` decides (`required`: IMDSv2 only; `optional`: both), on the instance
 * or on the launch template it is launched from. Left out, EC2 takes the AMI's choice: an AMI
 * registered with `ImdsSupport: v2.0` (Amazon Linux 2023's) requires IMDSv2, others allow both,
 * unless the account's own default says otherwise. Only the AMIs a template names through the public
 * Systems Manager parameters of Amazon Linux are known offline.
 */
import type { AppModel, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { ModelIndex } from '../model-index.js';
import { asArray, asString, isValueMap, referencedResource, valueAt, type Value, type ValueMap } from '../value.js';
import { ssmParameterName } from '../ssm-parameter-name.js';

export const INSTANCE_TYPE = 'AWS::EC2::Instance';
export const LAUNCH_TEMPLATE_TYPE = 'AWS::EC2::LaunchTemplate';
const INSTANCE_PROFILE_TYPE = 'AWS::IAM::InstanceProfile';

/** What the AMI chooses when `HttpTokens` is left out. */
export type ImageImdsDefault = 'v2-required' | 'v1-allowed' | 'unknown';

export interface InstanceMetadataFacts {
  resource: Resource;
  /** `required`, `optional`; undefined when left out or not a literal */
  httpTokens?: string;
  /** `HttpEndpoint: disabled`: no metadata service at all */
  endpointDisabled: boolean;
  /** The launch template an instance takes its settings from, when it names one of the model */
  launchTemplate?: Resource;
  /** The public parameter the AMI is read from (`/aws/service/ami-amazon-linux-latest/…`), when the template names one */
  imageParameter?: string;
  imageDefault: ImageImdsDefault;
  /** Where `HttpTokens` is written, else the AMI (`ImageId`), else where the settings would go */
  loc: SourceLocation;
  /** Whether an instance profile is given: its role's credentials are what the metadata service hands out */
  profile: boolean;
  /** The roles of the instance profile, when it is a profile of the model */
  roles: Resource[];
}

/** Amazon Linux's public AMI parameters, by what their AMIs choose. */
const AMAZON_LINUX_PARAMETERS = '/aws/service/ami-amazon-linux-latest/';
const V2_ONLY_FAMILIES = ['al2023-'];
const V1_ALLOWED_FAMILIES = ['amzn2-', 'amzn-'];

export function instanceMetadataFacts(model: AppModel, resource: Resource): InstanceMetadataFacts | undefined {
  if (resource.type === LAUNCH_TEMPLATE_TYPE) return launchTemplateFacts(model, resource);
  if (resource.type !== INSTANCE_TYPE) return undefined;
  const index = ModelIndex.of(model);
  const launchTemplate = index.resource(referencedResource(valueAt(resource.properties, 'LaunchTemplate', 'LaunchTemplateId') ?? valueAt(resource.properties, 'LaunchTemplate', 'LaunchTemplateName'))?.target);
  const fromTemplate = launchTemplate?.type === LAUNCH_TEMPLATE_TYPE ? templateData(launchTemplate) : undefined;
  const options = resource.properties['MetadataOptions'];
  const image = resource.properties['ImageId'] ?? fromTemplate?.['ImageId'];
  const profile = resource.properties['IamInstanceProfile'];
  const loc = settingLoc(resource, isValueMap(options) && options['HttpTokens'] !== undefined, ['MetadataOptions', 'HttpTokens'], ['ImageId']);
  return factsOf(resource, isValueMap(options) ? options : undefined, image, loc, {
    ...(launchTemplate?.type === LAUNCH_TEMPLATE_TYPE ? { launchTemplate } : {}),
    profile: profile !== undefined,
    roles: profileRoles(index, profile),
  });
}

function launchTemplateFacts(model: AppModel, resource: Resource): InstanceMetadataFacts {
  const data = templateData(resource);
  const options = data?.['MetadataOptions'];
  const profile = valueAt(data, 'IamInstanceProfile', 'Arn') ?? valueAt(data, 'IamInstanceProfile', 'Name');
  const loc = settingLoc(resource, isValueMap(options) && options['HttpTokens'] !== undefined, ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'], ['LaunchTemplateData', 'ImageId']);
  return factsOf(resource, isValueMap(options) ? options : undefined, data?.['ImageId'], loc, {
    profile: profile !== undefined,
    roles: profileRoles(ModelIndex.of(model), profile),
  });
}

/** `HttpTokens` where it is written; else the AMI, whose choice then stands. */
function settingLoc(resource: Resource, written: boolean, tokensPath: string[], imagePath: string[]): SourceLocation {
  return resource.locate(...(written ? tokensPath : imagePath));
}

function factsOf(resource: Resource, options: ValueMap | undefined, image: Value | undefined, loc: SourceLocation, extra: Pick<InstanceMetadataFacts, 'launchTemplate' | 'profile' | 'roles'>): InstanceMetadataFacts {
  const httpTokens = asString(options?.['HttpTokens']);
  const imageParameter = publicImageParameter(image);
  return {
    resource,
    ...(httpTokens !== undefined ? { httpTokens } : {}),
    endpointDisabled: asString(options?.['HttpEndpoint']) === 'disabled',
    ...extra,
    ...(imageParameter !== undefined ? { imageParameter } : {}),
    imageDefault: imageParameter === undefined ? 'unknown' : imageDefaultOf(imageParameter),
    loc,
  };
}

function templateData(launchTemplate: Resource): ValueMap | undefined {
  const data = launchTemplate.properties['LaunchTemplateData'];
  return isValueMap(data) ? data : undefined;
}

/** A parameter of type `AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>`, or `{{resolve:ssm:…}}`. */
function publicImageParameter(image: Value | undefined): string | undefined {
  const name = ssmParameterName(image);
  return name?.startsWith(AMAZON_LINUX_PARAMETERS) ? name : undefined;
}

function imageDefaultOf(parameter: string): ImageImdsDefault {
  const family = parameter.slice(AMAZON_LINUX_PARAMETERS.length);
  if (V2_ONLY_FAMILIES.some((f) => family.startsWith(f))) return 'v2-required';
  if (V1_ALLOWED_FAMILIES.some((f) => family.startsWith(f))) return 'v1-allowed';
  return 'unknown';
}

function profileRoles(index: ModelIndex, profile: Value | undefined): Resource[] {
  const target = index.resource(referencedResource(profile)?.target);
  if (target?.type !== INSTANCE_PROFILE_TYPE) return [];
  return asArray(target.properties['Roles'])
    .map((r) => index.resource(referencedResource(r)?.target))
    .filter((r): r is Resource => r !== undefined);
}
