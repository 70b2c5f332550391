import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES, type Role } from '../src/domain/model.js';
import type { EmailSender } from './settings.js';

/** One Cognito group per role; the API reads a caller's roles from their groups. */
const GROUP_DESCRIPTIONS: Record<Role, string> = {
  organizer: 'Manages units, cadres, rubrics and competitions; runs and publishes rounds',
  judge: 'Submits score sheets for the entries assigned to them',
  viewer: 'Reads competitions, rounds and published results',
};

/** What the web client asks the hosted UI for: the ID token's identity, name and email. */
export const WEB_SCOPES = ['openid', 'email', 'profile'] as const;
export const AUTH_CALLBACK_PATH = '/auth/callback';

export interface UserDirectoryProps {
  readonly protectData: boolean;
  /** Prefix of the hosted UI's domain; see StageSettings.authDomainPrefix. */
  readonly domainPrefix: string;
  /** Origins the hosted UI may return to after sign-in and sign-out. */
  readonly webOrigins: readonly string[];
  /**
   * Invitations and codes through SES from a verified identity. Without it, Cognito's own sender,
   * whose small daily quota one event's invitations exhaust: dev only.
   */
  readonly email: EmailSender | undefined;
}

/**
 * Who may sign in: a Cognito user pool whose groups are the API's roles, its hosted UI, and
 * the web app's client.
 */
export class UserDirectory extends Construct {
  readonly userPool: cognito.UserPool;
  readonly webClient: cognito.UserPoolClient;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`, the base of /oauth2/authorize, /oauth2/token and /logout. */
  readonly hostedUiUrl: string;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      // Organizers invite judges and viewers; nobody registers themselves.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      ...(props.email
        ? {
            email: cognito.UserPoolEmail.withSES({
              fromEmail: props.email.fromEmail,
              fromName: 'Bixue Ganchao Scores',
              // A verified domain covers every address at it; otherwise the address itself is the identity.
              ...(props.email.identity.includes('@') ? {} : { sesVerifiedDomain: props.email.identity }),
            }),
          }
        : {}),
      // Threat protection (compromised credentials, adaptive authentication) needs the Plus plan.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.protectData,
      removalPolicy: props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional rather than required: judges and viewers are often invited for a single event and sign in on ' +
        'shared or borrowed devices, where enrolling an authenticator would block scoring. TOTP is available to every ' +
        'user (organizers are expected to enrol), and enforced threat protection checks each sign-in for risk and ' +
        'compromised credentials.',
    });

    for (const role of ROLES) {
      this.userPool.addGroup(`${role}Group`, { groupName: role, description: GROUP_DESCRIPTIONS[role] });
    }

    const domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    this.hostedUiUrl = domain.baseUrl();

    this.webClient = this.userPool.addClient('WebClient', {
      // A browser app cannot keep a secret: it proves itself with PKCE (the hosted UI) or SRP,
      // and renews with refresh tokens.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        // The implicit grant would put tokens in the URL; the code grant with PKCE does not.
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: props.webOrigins.map((origin) => `${origin}${AUTH_CALLBACK_PATH}`),
        logoutUrls: props.webOrigins.map((origin) => `${origin}/`),
      },
      // Users are invited into the pool itself; no federated identity providers.
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
    });
  }
}
